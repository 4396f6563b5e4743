package dev.rapport.reminders.repository;

import dev.rapport.kit.tenancy.WorkspaceSql;
import dev.rapport.reminders.domain.InteractionTouch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * Records that each interaction is at its {@code version} now (deleted or not), unless a version as new or newer was
     * recorded already: events of one interaction may arrive late or twice. One event per interaction: a statement
     * cannot update one row twice.
     *
     * @return the interactions whose version is news, each with whether it is the first version recorded of it
     */
    public Map<UUID, Boolean> advance(Collection<InteractionTouch> interactions) {
        List<Object[]> rows = sql.query("""
                        insert into interaction_seen as seen (workspace_id, interaction_id, version, deleted)
                        select :workspace, t.id, t.version, t.deleted
                          from unnest(cast(string_to_array(:ids, ',') as uuid[]), cast(string_to_array(:versions, ',') as bigint[]),
                                      cast(string_to_array(:deleted, ',') as boolean[])) as t(id, version, deleted)
                        on conflict (workspace_id, interaction_id) do update
                           set version = excluded.version, deleted = excluded.deleted
                         where seen.version < excluded.version
                        returning interaction_id, xmax = 0""")
                .set("ids", WorkspaceSql.textList(interactions, InteractionTouch::interactionId))
                .set("versions", WorkspaceSql.textList(interactions, InteractionTouch::version))
                .set("deleted", WorkspaceSql.textList(interactions, InteractionTouch::deleted))
                .rows();
        Map<UUID, Boolean> news = new HashMap<>();
        rows.forEach(row -> news.put((UUID) row[0], (Boolean) row[1]));
        return news;
    }

    /** One interaction with one contact, on a day. */
    public record Touch(UUID interactionId, UUID contactId, Instant at, LocalDate day) {
    }

    /**
     * The interactions are with whom {@code touches} say now (one without a touch, with nobody).
     *
     * @param recordedBefore those of the interactions that may have touches already (a first version has none)
     * @return the contacts they were with until now, as last recorded: their days may move too
     */
    public List<UUID> replace(Collection<UUID> recordedBefore, List<Touch> touches) {
        List<UUID> before = recordedBefore.isEmpty() ? List.of() : sql.query("""
                        delete from interaction_touch
                         where workspace_id = (select :workspace)
                           and interaction_id = any(cast(string_to_array(:ids, ',') as uuid[]))
                        returning contact_id""")
                .set("ids", WorkspaceSql.idList(recordedBefore)).list();
        if (!touches.isEmpty()) {
            sql.query("""
                            insert into interaction_touch (workspace_id, interaction_id, contact_id, occurred_at, occurred_on)
                            select :workspace, t.interaction_id, t.contact_id, t.occurred_at, t.occurred_on
                              from unnest(cast(string_to_array(:interactions, ',') as uuid[]), cast(string_to_array(:contacts, ',') as uuid[]),
                                          cast(string_to_array(:ats, ',') as timestamptz[]), cast(string_to_array(:days, ',') as date[]))
                                   as t(interaction_id, contact_id, occurred_at, occurred_on)
                            on conflict do nothing""")
                    .set("interactions", WorkspaceSql.textList(touches, Touch::interactionId))
                    .set("contacts", WorkspaceSql.textList(touches, Touch::contactId))
                    .set("ats", WorkspaceSql.textList(touches, Touch::at))
                    .set("days", WorkspaceSql.textList(touches, Touch::day))
                    .execute();
        }
        return before;
    }
}
