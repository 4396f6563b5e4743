package dev.rapport.interactions.repository;

import dev.rapport.interactions.domain.Interaction;
import dev.rapport.interactions.domain.InteractionSource;
import dev.rapport.kit.tenancy.WorkspaceSql;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class InteractionRepository implements PanacheRepositoryBase<Interaction, UUID> {

    @Inject
    WorkspaceSql sql;

    /** By query rather than {@code findById()}: with the tenant filter on, a query's plan is cached, a find's loader is not. */
    public Optional<Interaction> byId(UUID id) {
        return find("id", id).firstResultOptional();
    }

    /** In one statement whatever their number (an HQL {@code in} list is planned again for every length). */
    public List<Interaction> byIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : sql.query("""
                        select * from interaction
                         where workspace_id = :workspace and id = any(cast(string_to_array(:ids, ',') as uuid[]))""",
                        Interaction.class)
                .set("ids", WorkspaceSql.idList(ids)).list();
    }

    /** The author's interaction that came from this external event (a calendar's UID and occurrence, another tool's id). */
    public Optional<Interaction> byExternalId(String author, InteractionSource source, String externalId) {
        return find("createdBy = ?1 and source = ?2 and externalId = ?3", author, source.wire(), externalId)
                .firstResultOptional();
    }

    /** The author's interactions from any of these external events, read in slices for a large calendar file. */
    public List<Interaction> byExternalIds(String author, InteractionSource source, Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return List.of();
        }
        // One statement for any number of ids: the ids travel as one JSON array (they may hold commas). Each id is one
        // fenced lookup on the unique index (see WorkspaceSql on looking up many values); as "= any(...)" a slice of
        // 500 ids cost ~100 ms in the middle of a new workspace's first import.
        return sql.query("""
                        select i.* from jsonb_array_elements_text(cast(:ids as jsonb)) as wanted(external_id)
                         cross join lateral (select * from interaction
                                              where workspace_id = :workspace and created_by = :author
                                                and source = :source and external_id = wanted.external_id
                                             offset 0) i""", Interaction.class)
                .set("author", author).set("source", source.wire())
                .set("ids", jsonArray(externalIds)).list();
    }

    private static String jsonArray(Collection<String> values) {
        com.fasterxml.jackson.databind.node.ArrayNode array = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array.toString();
    }
}
