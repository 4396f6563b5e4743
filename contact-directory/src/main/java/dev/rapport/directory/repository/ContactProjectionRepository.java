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

    /** Those of {@code contactIds} known here, as entities, in one statement whatever their number. */
    public List<ContactProjection> entities(Collection<UUID> contactIds) {
        return sql.query("""
                        select * from contact_projection
                         where workspace_id = :workspace and contact_id = any(cast(string_to_array(:ids, ',') as uuid[]))""",
                        ContactProjection.class)
                .set("ids", WorkspaceSql.idList(contactIds)).list();
    }

    /** Those of {@code contactIds} known here, in one statement whatever their number. */
    public List<ContactRef> byIds(Collection<UUID> contactIds) {
        return sql.query("""
                        select contact_id, display_name, owner_id, visibility, deleted_at is not null, merged_into
                          from contact_projection
                         where workspace_id = :workspace and contact_id = any(cast(string_to_array(:ids, ',') as uuid[]))""")
                .set("ids", WorkspaceSql.idList(contactIds)).rows().stream()
                .map(r -> new ContactRef((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (Boolean) r[4], (UUID) r[5]))
                .toList();
    }
}
