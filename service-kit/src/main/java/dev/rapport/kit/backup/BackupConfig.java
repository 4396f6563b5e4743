package dev.rapport.kit.backup;

import io.smallrye.config.ConfigMapping;

import java.util.List;
import java.util.Optional;

@ConfigMapping(prefix = "rapport.backup")
public interface BackupConfig {

    /**
     * The tables holding this service's own data, each with a {@code workspace_id} column, parents before the
     * tables that reference them. Derived data (projections) and plumbing (outbox, inbox) are left out.
     */
    Optional<List<String>> tables();

    /**
     * The secret backups are signed with (HMAC-SHA256), at least 32 characters; a restore accepts only backups
     * signed with it. Unset, backup and restore answer 503. Keep it with the backups: they cannot be restored
     * without it.
     */
    Optional<String> signingKey();
}
