package dev.rapport.interactions.repository;

import dev.rapport.interactions.domain.Interaction;

import dev.rapport.kit.tenancy.WorkspaceSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The participants of interactions, in native SQL: rows of (contact as logged, contact now), written and re-pointed
 * in bulk. A participant whose contact another participant of the same interaction already is (two contacts merged
 * into one) is shadowed: kept for an undo, not counted.
 */
@ApplicationScoped
public class ParticipantRepository {

    /** A participant as logged, and who that contact is now. */
    public record Participant(UUID logged, UUID current) {
    }

    @Inject
    WorkspaceSql sql;

    /** Replaces the interaction's participants (its row must be written already: flush first). */
    public void replace(Interaction interaction, List<Participant> participants) {
        sql.query("delete from interaction_participant where workspace_id = :workspace and interaction_id = :id")
                .set("id", interaction.id()).execute();
        insert(Map.of(interaction, participants));
    }

    /**
     * The participants of interactions that have none yet (their rows written already: flush first), in one statement
     * for a whole batch. A participant whose contact an earlier one of the same interaction already is, is shadowed.
     */
    public void insert(Map<Interaction, List<Participant>> participantsOf) {
        if (participantsOf.isEmpty()) {
            return;
        }
        List<String> interactionIds = new ArrayList<>();
        List<String> logged = new ArrayList<>();
        List<String> current = new ArrayList<>();
        List<String> positions = new ArrayList<>();
        List<String> times = new ArrayList<>();
        participantsOf.forEach((interaction, participants) -> {
            for (int n = 0; n < participants.size(); n++) {
                interactionIds.add(interaction.id().toString());
                logged.add(participants.get(n).logged().toString());
                current.add(participants.get(n).current().toString());
                positions.add(Integer.toString(n + 1));
                times.add(interaction.occurredAt().toString());
            }
        });
        sql.query("""
                        insert into interaction_participant
                               (workspace_id, interaction_id, logged_contact_id, contact_id, position, shadowed, occurred_at)
                        select :workspace, t.interaction, t.logged, t.current, t.position,
                               row_number() over (partition by t.interaction, t.current order by t.position) > 1, t.at
                          from unnest(cast(string_to_array(:interactions, ',') as uuid[]),
                                      cast(string_to_array(:logged, ',') as uuid[]),
                                      cast(string_to_array(:current, ',') as uuid[]),
                                      cast(string_to_array(:positions, ',') as smallint[]),
                                      cast(string_to_array(:times, ',') as timestamptz[]))
                               as t(interaction, logged, current, position, at)""")
                .set("interactions", String.join(",", interactionIds))
                .set("logged", String.join(",", logged))
                .set("current", String.join(",", current))
                .set("positions", String.join(",", positions))
                .set("times", String.join(",", times))
                .execute();
    }

    /** Each interaction's contacts now, distinct, in the order logged. */
    public Map<UUID, List<UUID>> current(Collection<UUID> interactionIds) {
        Map<UUID, List<UUID>> found = new LinkedHashMap<>();
        if (interactionIds.isEmpty()) {
            return found;
        }
        List<Object[]> rows = sql.query("""
                        select interaction_id, contact_id from interaction_participant
                         where workspace_id = :workspace and interaction_id = any(cast(string_to_array(:ids, ',') as uuid[])) and not shadowed
                         order by interaction_id, position""")
                .set("ids", WorkspaceSql.idList(Set.copyOf(interactionIds))).rows();
        for (Object[] row : rows) {
            found.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add((UUID) row[1]);
        }
        return found;
    }

    /** Each interaction's contacts now, as {@link #current}, and their display names, in one statement. */
    public Map<UUID, List<UUID>> currentNamed(Collection<UUID> interactionIds, Map<UUID, String> names) {
        Map<UUID, List<UUID>> found = new LinkedHashMap<>();
        if (interactionIds.isEmpty()) {
            return found;
        }
        List<Object[]> rows = sql.query("""
                        select p.interaction_id, p.contact_id, c.display_name
                          from interaction_participant p
                          left join contact_projection c on c.workspace_id = p.workspace_id and c.contact_id = p.contact_id
                         where p.workspace_id = :workspace and not p.shadowed
                           and p.interaction_id = any(cast(string_to_array(:ids, ',') as uuid[]))
                         order by p.interaction_id, p.position""")
                .set("ids", WorkspaceSql.idList(Set.copyOf(interactionIds))).rows();
        for (Object[] row : rows) {
            found.computeIfAbsent((UUID) row[0], id -> new ArrayList<>()).add((UUID) row[1]);
            if (row[2] != null) {
                names.put((UUID) row[1], (String) row[2]);
            }
        }
        return found;
    }

    /** The contacts as logged of every participant that is one of {@code contactIds} now. */
    public List<UUID> loggedAs(Collection<UUID> contactIds) {
        return sql.query("""
                        select distinct logged_contact_id from interaction_participant
                         where workspace_id = :workspace and contact_id = any(cast(string_to_array(:ids, ',') as uuid[]))""")
                .set("ids", WorkspaceSql.idList(Set.copyOf(contactIds))).list();
    }

    /** The interactions one of {@code contactIds} takes part in now. */
    public List<UUID> interactionsWith(Collection<UUID> contactIds) {
        return sql.query("""
                        select distinct interaction_id from interaction_participant
                         where workspace_id = :workspace and contact_id = any(cast(string_to_array(:ids, ',') as uuid[]))""")
                .set("ids", WorkspaceSql.idList(Set.copyOf(contactIds))).list();
    }

    /** Points every participant logged as {@code logged} at {@code current}. */
    public void repoint(UUID logged, UUID current) {
        sql.query("""
                        update interaction_participant set contact_id = :current
                         where workspace_id = :workspace and logged_contact_id = :logged and contact_id <> :current""")
                .set("logged", logged).set("current", current).execute();
    }

    /** Removes every participant that is {@code contactId} now. */
    public void remove(UUID contactId) {
        sql.query("delete from interaction_participant where workspace_id = :workspace and contact_id = :id")
                .set("id", contactId).execute();
    }

    /** Marks again which participants of these interactions repeat an earlier one. */
    public void reshadow(Collection<UUID> interactionIds) {
        if (interactionIds.isEmpty()) {
            return;
        }
        sql.query("""
                        update interaction_participant p
                           set shadowed = exists (select 1 from interaction_participant q
                                                   where q.interaction_id = p.interaction_id
                                                     and q.contact_id = p.contact_id and q.position < p.position)
                         where p.workspace_id = :workspace and p.interaction_id = any(cast(string_to_array(:ids, ',') as uuid[]))""")
                .set("ids", WorkspaceSql.idList(Set.copyOf(interactionIds))).execute();
    }
}
