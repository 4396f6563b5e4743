package dev.rapport.contacts.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.TenantId;

import java.util.UUID;

/** A {@code merged_contact} row: a contact a merge absorbed, as it was, and what moved from it. */
@Entity
@Table(name = "merged_contact")
class MergedContactRow {

    @Id
    @Column(name = "contact_id")
    UUID contactId;

    @TenantId
    @Column(name = "workspace_id", nullable = false, updatable = false)
    String workspaceId;

    @Column(name = "merge_id", nullable = false, updatable = false)
    UUID mergeId;

    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    String snapshot;

    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    String moved;

    protected MergedContactRow() {
    }

    MergedContactRow(UUID contactId, UUID mergeId, String snapshot, String moved) {
        this.contactId = contactId;
        this.mergeId = mergeId;
        this.snapshot = snapshot;
        this.moved = moved;
    }
}
