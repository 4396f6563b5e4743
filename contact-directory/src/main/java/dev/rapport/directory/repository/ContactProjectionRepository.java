package dev.rapport.directory.repository;

import dev.rapport.directory.domain.ContactProjection;
import dev.rapport.directory.domain.ContactRef;
import dev.rapport.kit.tenancy.WorkspaceSql;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ContactProjectionRepository implements PanacheRepositoryBase<ContactProjection, ContactProjection.Key> {

    @jakarta.inject.Inject
    WorkspaceSql sql;

    /**
     * In SQL rather than {@code findById()} or a query: with the tenant filter on, Hibernate builds a new loader for
     * every {@code find()} and translates every entity query again, which was most of the CPU a consumed contact event
     * cost.
     */
    public Optional<ContactProjection> byId(UUID contactId) {
        return sql.query("select * from contact_projection where workspace_id = :workspace and contact_id = :id",
                ContactProjection.class).set("id", contactId).first();
    }

    /**
     * Each id its own primary-key lookup (see {@link WorkspaceSql} on looking up many values): as
     * {@code contact_id = any(:ids)}, each batch of contact events read every projection of a workspace receiving its
     * first contacts, 7 ms a batch while it imported 10,000.
     */
    private static final String BY_IDS = """
            from (select distinct id from unnest(cast(string_to_array(:ids, ',') as uuid[])) as id) wanted
            cross join lateral (select * from contact_projection
                                 where workspace_id = :workspace and contact_id = wanted.id offset 0) p""";

    /** Those of {@code contactIds} known here, as entities, in one statement whatever their number. */
    public List<ContactProjection> entities(Collection<UUID> contactIds) {
        return sql.query("select p.* " + BY_IDS, ContactProjection.class)
                .set("ids", WorkspaceSql.idList(contactIds)).list();
    }

    /** Those of {@code contactIds} known here, in one statement whatever their number. */
    public List<ContactRef> byIds(Collection<UUID> contactIds) {
        return sql.query("select p.contact_id, p.display_name, p.owner_id, p.visibility, p.deleted_at is not null, p.merged_into "
                        + BY_IDS)
                .set("ids", WorkspaceSql.idList(contactIds)).rows().stream()
                .map(r -> new ContactRef((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (Boolean) r[4], (UUID) r[5]))
                .toList();
    }
}
