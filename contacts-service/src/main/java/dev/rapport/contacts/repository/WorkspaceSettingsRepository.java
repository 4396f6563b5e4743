package dev.rapport.contacts.repository;

import dev.rapport.kit.tenancy.WorkspaceSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-workspace settings. The row's key is the workspace itself (an entity's {@code @TenantId} cannot be its id),
 * so it is read and upserted with native SQL on the current workspace.
 */
@ApplicationScoped
public class WorkspaceSettingsRepository {

    @Inject
    WorkspaceSql sql;

    public Optional<String> defaultPhoneRegion() {
        List<String> rows = sql.query("select default_phone_region from workspace_settings where workspace_id = :workspace")
                .list();
        return rows.stream().filter(Objects::nonNull).findFirst();
    }

    public void saveDefaultPhoneRegion(String region) {
        sql.query("""
                        insert into workspace_settings (workspace_id, default_phone_region, updated_at)
                        values (:workspace, :region, :updatedAt)
                        on conflict (workspace_id) do update set default_phone_region = excluded.default_phone_region,
                                                                  updated_at = excluded.updated_at""")
                .set("region", region).set("updatedAt", Instant.now())
                .execute();
    }
}
