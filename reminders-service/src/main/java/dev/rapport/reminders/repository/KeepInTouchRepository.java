package dev.rapport.reminders.repository;

import dev.rapport.kit.tenancy.WorkspaceSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Keep-in-touch reminders as cadences and interactions make them, set-based so a tag cadence over fifty thousand
 * contacts is one statement. A contact's cadence is its own (the strictest if merges gave it several), else the
 * strictest of its tags'. Its day is the last interaction or completion + the cadence; with neither, the day the
 * cadence began to apply + the cadence ({@code Reminder.anchor()} is the same rule for completions).
 */
@ApplicationScoped
public class KeepInTouchRepository {

    /**
     * The contacts in scope: all of the workspace's, or those in {@code :ids}. Two statement texts, not one
     * {@code (:all or id = any(:ids))}: the generic plan PostgreSQL settles on for a statement run often cannot drop
     * the {@code or}, so it read every contact of the workspace for each batch of contact events (10 ms a batch while
     * a workspace imported 10,000 contacts).
     */
    private static String inScope(String column, boolean all) {
        return all ? "true" : column + " = any(cast(string_to_array(:ids, ',') as uuid[]))";
    }

    private static WorkspaceSql.Statement scoped(WorkspaceSql.Statement statement, Collection<UUID> contactIds, boolean all) {
        return all ? statement : statement.set("ids", WorkspaceSql.idList(contactIds));
    }

    private static final String CADENCE_OF = """
            coalesce(
              (select c.every from cadence c where c.workspace_id = :workspace and c.contact_id = p.contact_id
                order by cast(c.every as interval), c.id limit 1),
              (select c.every from cadence c where c.workspace_id = :workspace and c.tag_key is not null
                  and c.tag_key in (select lower(t) from jsonb_array_elements_text(p.tags) t)
                order by cast(c.every as interval), c.id limit 1))""";

    private static final String ANCHOR = "coalesce(greatest(%1$s, reminder.reset_on), reminder.since_on)";

    @Inject
    WorkspaceSql sql;

    /**
     * Holds, until the transaction ends, the right to compute these contacts' keep-in-touch days. Two transactions
     * that recorded touches of one contact (interaction events on different partitions, consumers or replicas) would
     * otherwise each compute the day from what it can see, and the one committing last could write a day that misses
     * the other's interaction. Taken in id order, so two batches never wait on each other in a circle.
     */
    public void lockKeepInTouchOf(Collection<UUID> contactIds) {
        sql.query("""
                        select count(*) from (
                          select pg_advisory_xact_lock(hashtextextended('keep-in-touch/' || :workspace || '/' || id, 0))
                            from unnest(cast(string_to_array(:ids, ',') as uuid[])) as id
                           order by id) locked""")
                .set("ids", WorkspaceSql.idList(contactIds)).single();
    }

    /**
     * Creates or moves the keep-in-touch reminders of the contacts in scope.
     *
     * @return the ids of the reminders created or changed
     */
    public List<UUID> refresh(Collection<UUID> contactIds, boolean all, LocalDate today, Instant now) {
        // Never past the last day dates may have (an interaction logged far ahead, a long cadence).
        String due = "least(cast(" + ANCHOR.formatted("excluded.last_interaction_on")
                + " + cast(excluded.every as interval) as date), date '9999-12-31')";
        // Materialized: inlined, the cadence and last-interaction subqueries ran once per use of their columns (four
        // and three times a contact).
        return scoped(sql.query("""
                        with wanted as materialized (
                          select p.contact_id, %s as every,
                                 (select max(i.occurred_on) from interaction_touch i
                                   where i.workspace_id = :workspace and i.contact_id = p.contact_id) as last_on
                            from contact_projection p
                           where p.workspace_id = :workspace and p.deleted_at is null and p.merged_into is null and %s)
                        insert into reminder as reminder (id, workspace_id, kind, contact_id, set_for_contact_id, due_on, due_at,
                                              every, status, since_on, last_interaction_on, created_at, updated_at, version)
                        select rapport_uuid_v7(), :workspace, 'keep-in-touch', w.contact_id, w.contact_id, d.due_on,
                               cast(d.due_on as timestamp) at time zone 'UTC', w.every, 'open', cast(:today as date),
                               w.last_on, :now, :now, 0
                          from wanted w
                          cross join lateral (select least(cast(coalesce(w.last_on, cast(:today as date))
                                                          + cast(w.every as interval) as date), date '9999-12-31') as due_on) d
                         where w.every is not null
                        on conflict (workspace_id, contact_id) where kind = 'keep-in-touch' do update
                           set every = excluded.every, last_interaction_on = excluded.last_interaction_on,
                               due_on = %s,
                               due_at = cast(greatest(%s, reminder.snoozed_until) as timestamp) at time zone 'UTC',
                               updated_at = excluded.updated_at, version = reminder.version + 1
                         where (reminder.every, reminder.last_interaction_on)
                               is distinct from (excluded.every, excluded.last_interaction_on)
                        returning reminder.id""".formatted(CADENCE_OF, inScope("p.contact_id", all), due, due)), contactIds, all)
                .set("today", today).set("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .<UUID>list();
    }

    /**
     * Deletes the keep-in-touch reminders in scope whose contact no longer has a cadence (or is erased or merged).
     *
     * @return each deleted reminder as {id, contact_id, version}
     */
    public List<Object[]> removeStale(Collection<UUID> contactIds, boolean all) {
        return scoped(sql.query("""
                        delete from reminder r
                         where r.workspace_id = :workspace and r.kind = 'keep-in-touch' and %s
                           and not exists (select 1 from contact_projection p
                                            where p.workspace_id = :workspace and p.contact_id = r.contact_id
                                              and p.deleted_at is null and p.merged_into is null
                                              and %s is not null)
                        returning r.id, r.contact_id, r.version""".formatted(inScope("r.contact_id", all), CADENCE_OF)),
                contactIds, all).rows();
    }
}
