package dev.rapport.contacts.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.io.Serializable;
import java.util.UUID;

/** What became of one row of an imported file, and why. */
@Entity
@Table(name = "import_row")
@IdClass(ImportRow.Key.class)
public class ImportRow {

    public record Key(UUID jobId, int rowNumber) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "job_id")
    private UUID jobId;

    @Id
    @Column(name = "row_number")
    private int rowNumber;

    @TenantId
    @Column(name = "workspace_id", nullable = false, updatable = false)
    private String workspaceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ImportOutcome outcome;

    @Column(name = "contact_id")
    private UUID contactId;

    private String reason;

    protected ImportRow() {
    }

    public ImportRow(UUID jobId, int rowNumber, ImportOutcome outcome, UUID contactId, String reason) {
        this.jobId = jobId;
        this.rowNumber = rowNumber;
        this.outcome = outcome;
        this.contactId = contactId;
        this.reason = reason;
    }

    public int rowNumber() {
        return rowNumber;
    }

    public ImportOutcome outcome() {
        return outcome;
    }

    public UUID contactId() {
        return contactId;
    }

    public String reason() {
        return reason;
    }
}
