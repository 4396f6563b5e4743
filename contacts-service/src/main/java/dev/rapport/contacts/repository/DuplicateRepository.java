package dev.rapport.contacts.repository;

import dev.rapport.kit.tenancy.WorkspaceSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/**
 * Pairs of contacts that look like the same person: the same normalised email, phone or LinkedIn URL, or
 * similar names (pg_trgm) at the same company. Among the contacts one user can see in one workspace.
 */
@ApplicationScoped
public class DuplicateRepository {

    /** One piece of evidence that {@code a} and {@code b} are the same person. */
    public record Evidence(UUID a, UUID b, String kind, String value, double similarity) {
    }

    @Inject
    WorkspaceSql sql;

    /** In the current workspace. */
    public List<Evidence> evidence(String user, double nameSimilarity, int limit) {
        List<Object[]> rows = sql.query("""
                        with visible as (
                            select id, display_name, sort_name, company, emails, phones, social_profiles from contact
                            where workspace_id = :workspace and (visibility = 'WORKSPACE' or owner_id = :user)),
                        keys as (
                            select id, 'email' as kind, e ->> 'address' as value from visible, jsonb_array_elements(emails) e
                            union all
                            select id, 'phone', p ->> 'number' from visible, jsonb_array_elements(phones) p
                            union all
                            select id, 'linkedin', s ->> 'url' from visible, jsonb_array_elements(social_profiles) s
                            where s ->> 'network' = 'linkedin')
                        select a.id, b.id, a.kind, a.value, 1.0
                        from keys a join keys b on a.kind = b.kind and a.value = b.value and a.id < b.id
                        union all
                        select a.id, b.id, 'name', a.display_name || ' / ' || b.display_name || ' at ' || a.company,
                               similarity(a.sort_name, b.sort_name)
                        from visible a join visible b on lower(a.company) = lower(b.company) and a.id < b.id
                        where similarity(a.sort_name, b.sort_name) >= :similarity
                        limit :limit""")
                .set("user", user).set("similarity", nameSimilarity).set("limit", limit)
                .rows();
        return rows.stream().map(r -> new Evidence((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).doubleValue())).toList();
    }
}
