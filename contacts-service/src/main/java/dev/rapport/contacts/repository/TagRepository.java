package dev.rapport.contacts.repository;

import dev.rapport.contacts.domain.Tag;
import dev.rapport.kit.ids.Uuids;
import dev.rapport.kit.tenancy.WorkspaceSql;
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
public class TagRepository implements PanacheRepositoryBase<Tag, UUID> {

    @Inject
    WorkspaceSql sql;

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
        sql.query("""
                        insert into tag (id, workspace_id, name, created_at) values (:id, :workspace, :name, :createdAt)
                        on conflict (workspace_id, lower(name)) do nothing""")
                .set("id", Uuids.v7()).set("name", name).set("createdAt", Instant.now())
                .execute();
        return findByName(name).map(Tag::name).orElse(name);
    }

    /**
     * Forgets the tags among {@code names} that no contact of the workspace carries any more: a tag left behind
     * would live on invisibly, in backups too, where its id clashes with a restore of the contact it came from.
     */
    public void forgetUnused(Collection<String> names) {
        for (String name : names) {
            sql.query("""
                            delete from tag t where t.workspace_id = :workspace and t.name = :name
                               and not exists (select 1 from contact c
                                                where c.workspace_id = :workspace and c.tags @> cast(array[t.name] as text[]))""")
                    .set("name", name)
                    .execute();
        }
    }

    /** How many contacts visible to {@code user} carry each tag, by its lower-cased name. */
    public Map<String, Long> usage(String user) {
        List<Object[]> rows = sql.query("""
                        select lower(t.name), count(*) from contact c cross join unnest(c.tags) as t(name)
                        where c.workspace_id = :workspace and (c.visibility = 'WORKSPACE' or c.owner_id = :user)
                        group by lower(t.name)""")
                .set("user", user)
                .rows();
        return rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> ((Number) r[1]).longValue()));
    }
}
