package dev.rapport.contacts.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.UUID;

/**
 * A {@code contact_merge} row as stored: its documents are JSON text the {@link MergeRepository} writes and reads
 * with the application's mapper. Filtered and stamped by workspace like every entity.
 */
@Entity
@Table(name = "contact_merge")
class MergeRow {

    @Id
    UUID id;

    @TenantId
    @Column(name = "workspace_id", nullable = false, updatable = false)
    String workspaceId;

    @Column(name = "survivor_id", nullable = false, updatable = false)
    UUID survivorId;

    @Column(name = "survivor_before", nullable = false, updatable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    String survivorBefore;

    @Column(name = "survivor_version", nullable = false, updatable = false)
    long survivorVersion;

    @Column(name = "created_history", nullable = false, updatable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    String createdHistory;

    @Column(name = "merged_by", nullable = false, updatable = false)
    String mergedBy;

    @Column(name = "merged_at", nullable = false, updatable = false)
    Instant mergedAt;

    @Column(name = "undone_at")
    Instant undoneAt;

    protected MergeRow() {
    }

    MergeRow(UUID id, UUID survivorId, String survivorBefore, long survivorVersion, String createdHistory,
             String mergedBy, Instant mergedAt) {
        this.id = id;
        this.survivorId = survivorId;
        this.survivorBefore = survivorBefore;
        this.survivorVersion = survivorVersion;
        this.createdHistory = createdHistory;
        this.mergedBy = mergedBy;
        this.mergedAt = mergedAt;
    }

    /** Through a method, so Hibernate's enhanced dirty tracking sees the change. */
    void undone(Instant at) {
        this.undoneAt = at;
    }
}
