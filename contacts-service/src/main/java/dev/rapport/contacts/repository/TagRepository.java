package dev.rapport.contacts.repository;

import dev.rapport.contacts.domain.Tag;
import dev.rapport.kit.ids.Uuids;
import dev.rapport.kit.tenancy.WorkspaceContext;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class TagRepository implements PanacheRepositoryBase<Tag, UUID> {

    @Inject
    WorkspaceContext workspaces;

    public Optional<Tag> findByName(String name) {
        return find("lower(name) = lower(?1)", name).firstResultOptional();
    }

    public List<Tag> all() {
        return list("order by lower(name)");
    }

    /**
     * The workspace's spelling of each tag, creating the missing ones. Insert-or-nothing, so two requests
     * introducing the same new tag at once both succeed.
     */
    public String ensure(String name) {
        getEntityManager().createNativeQuery("""
                        insert into tag (id, workspace_id, name, created_at) values (?1, ?2, ?3, ?4)
                        on conflict (workspace_id, lower(name)) do nothing""")
                .setParameter(1, Uuids.v7()).setParameter(2, workspaces.require()).setParameter(3, name)
                .setParameter(4, Instant.now())
                .executeUpdate();
        return findByName(name).map(Tag::name).orElse(name);
    }

    /** How many contacts visible to {@code user} carry each tag, by its lower-cased name. */
    public Map<String, Long> usage(String user) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        select lower(t.name), count(*) from contact c cross join unnest(c.tags) as t(name)
                        where c.workspace_id = ?1 and (c.visibility = 'WORKSPACE' or c.owner_id = ?2)
                        group by lower(t.name)""")
                .setParameter(1, workspaces.require()).setParameter(2, user)
                .getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue()));
    }
}
