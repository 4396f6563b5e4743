package dev.rapport.reminders.repository;

import dev.rapport.kit.tenancy.WorkspaceSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Who each interaction was with and when, as interaction events told it: enough to know the last time this workspace
 * was in touch with a contact, and to move it back when that interaction is deleted.
 */
@ApplicationScoped
public class TouchRepository {

    @Inject
    WorkspaceSql sql;

    /**
     * Records that the interaction is at {@code version} now (deleted or not), unless a version as new or newer was
     * recorded already: events of one interaction may arrive late or twice.
     *
     * @return whether this version is news
     */
    public boolean advance(UUID interactionId, long version, boolean deleted) {
        return sql.query("""
                        insert into interaction_seen as seen (workspace_id, interaction_id, version, deleted)
                        values (:workspace, :id, :version, :deleted)
                        on conflict (workspace_id, interaction_id) do update
                           set version = excluded.version, deleted = excluded.deleted
                         where seen.version < excluded.version""")
                .set("id", interactionId).set("version", version).set("deleted", deleted)
                .execute() == 1;
    }

    /** Those of these contacts that are private to {@code owner}. */
    public List<UUID> privateContactsOf(List<UUID> contactIds, String owner) {
        if (contactIds.isEmpty() || owner == null) {
            return List.of();
        }
        return sql.query("""
                        select contact_id from contact_projection
                         where workspace_id = :workspace and contact_id = any(cast(string_to_array(:ids, ',') as uuid[]))
                           and visibility = 'private' and owner_id = :owner""")
                .set("ids", WorkspaceSql.idList(contactIds))
                .set("owner", owner)
                .list();
    }

    /**
     * The interaction is with {@code contactIds} on {@code day} now (nobody, when deleted).
     *
     * @return the contacts it was with until now, as last recorded: their days may move too
     */
    public List<UUID> replace(UUID interactionId, List<UUID> contactIds, Instant at, LocalDate day) {
        List<UUID> before = sql.query("""
                        delete from interaction_touch where workspace_id = :workspace and interaction_id = :id
                        returning contact_id""")
                .set("id", interactionId).list();
        if (!contactIds.isEmpty()) {
            sql.query("""
                            insert into interaction_touch (workspace_id, interaction_id, contact_id, occurred_at, occurred_on)
                            select :workspace, :id, c, :at, :day from unnest(cast(string_to_array(:ids, ',') as uuid[])) c
                            on conflict do nothing""")
                    .set("id", interactionId).set("ids", WorkspaceSql.idList(contactIds))
                    .set("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).set("day", day)
                    .execute();
        }
        return before;
    }
}
