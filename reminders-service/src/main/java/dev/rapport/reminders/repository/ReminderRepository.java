package dev.rapport.reminders.repository;

import dev.rapport.kit.tenancy.WorkspaceSql;
import dev.rapport.reminders.domain.Reminder;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class ReminderRepository implements PanacheRepositoryBase<Reminder, UUID> {

    @Inject
    WorkspaceSql sql;

    public Optional<Reminder> byId(UUID id) {
        return find("id", id).firstResultOptional();
    }

    /** Read fresh from the database (a set-based statement may have changed them since they were loaded). */
    public List<Reminder> byIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        getEntityManager().flush();
        getEntityManager().clear();
        return sql.query("""
                        select * from reminder
                         where workspace_id = :workspace and id = any(cast(string_to_array(:ids, ',') as uuid[]))
                         order by id""", Reminder.class)
                .set("ids", WorkspaceSql.idList(ids)).list();
    }

    /**
     * The follow-ups these interactions' promises made, by interaction. Asked for a batch of interaction events, most of
     * which have none: one indexed statement answers for all of them.
     */
    public Map<UUID, Reminder> byOrigins(Collection<UUID> interactionIds) {
        if (interactionIds.isEmpty()) {
            return Map.of();
        }
        List<Reminder> found = sql.query("""
                        select * from reminder
                         where workspace_id = :workspace
                           and origin_interaction_id = any(cast(string_to_array(:ids, ',') as uuid[]))""", Reminder.class)
                .set("ids", WorkspaceSql.idList(interactionIds)).list();
        return found.stream().collect(Collectors.toMap(reminder -> reminder.originInteractionId().orElseThrow(), reminder -> reminder));
    }

    /** Every reminder naming one of the contacts, now or as set. */
    public List<Reminder> naming(Collection<UUID> contactIds) {
        return contactIds.isEmpty() ? List.of() : sql.query("""
                        select * from reminder
                         where workspace_id = :workspace
                           and (contact_id = any(cast(string_to_array(:ids, ',') as uuid[]))
                                or set_for_contact_id = any(cast(string_to_array(:ids, ',') as uuid[])))""", Reminder.class)
                .set("ids", WorkspaceSql.idList(contactIds)).list();
    }

    /** The user's date-only reminders, whose moment begins with the user's day. */
    public List<Reminder> dateOnlyOf(String owner) {
        return list("ownerId = ?1 and dueTime is null and timeZone is null and status = 'open'", owner);
    }

    /**
     * A page of the reminders {@code user} may see, by id: theirs and the workspace's keep-in-touch, about contacts
     * they may see (decided here, so a page is never cut short by what is left out). Filters: status, kind, contact.
     */
    public List<Reminder> page(String user, UUID after, String status, String kind, UUID contactId, int size) {
        return sql.query("""
                        select r.* from reminder r %s
                         where r.workspace_id = :workspace and (r.owner_id is null or r.owner_id = :user) and %s
                           and (cast(:after as uuid) is null or r.id > cast(:after as uuid))
                           and (cast(:status as text) is null or r.status = cast(:status as text))
                           and (cast(:kind as text) is null or r.kind = cast(:kind as text))
                           and (cast(:contact as uuid) is null or r.contact_id = cast(:contact as uuid))
                         order by r.id limit :size""".formatted(VisibleContact.join("r"), VisibleContact.of("r")), Reminder.class)
                .set("user", user).set("after", after == null ? null : after.toString()).set("status", status)
                .set("kind", kind).set("contact", contactId == null ? null : contactId.toString()).set("size", size)
                .list();
    }

    /**
     * Open reminders whose moment has come and was not announced yet, locked for this transaction; rows another
     * replica holds are skipped, so each is announced by one of them.
     */
    public List<Reminder> dueToAnnounce(Instant now, int limit) {
        return sql.query("""
                        select * from reminder
                         where workspace_id = :workspace and status = 'open' and due_at <= :now
                           and announced_due_at is distinct from due_at
                         order by due_at limit :limit for update skip locked""", Reminder.class)
                .set("now", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)).set("limit", limit).list();
    }

    /** Their due moment was announced. By statement: announcing is not a change of the reminder (no new version). */
    public void markAnnounced(Collection<UUID> ids) {
        sql.query("""
                        update reminder set announced_due_at = due_at
                         where workspace_id = :workspace and id = any(cast(string_to_array(:ids, ',') as uuid[]))""")
                .set("ids", WorkspaceSql.idList(ids)).execute();
    }

    /** The workspaces with reminders to announce (read without locks: each workspace's turn locks its rows). */
    public List<String> workspacesWithDueReminders(Instant now) {
        return sql.crossWorkspace("the due scheduler serves every workspace, one at a time", """
                        select distinct workspace_id from reminder
                         where status = 'open' and due_at <= :now and announced_due_at is distinct from due_at""")
                .set("now", java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC)).list();
    }
}
