package dev.rapport.contacts.domain;

import dev.rapport.kit.http.Text;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
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

    /** What of the row was not imported, or only as written, and why. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> warnings = new ArrayList<>();

    protected ImportRow() {
    }

    public ImportRow(UUID jobId, int rowNumber, ImportOutcome outcome, UUID contactId, String reason) {
        this(jobId, rowNumber, outcome, contactId, reason, List.of());
    }

    public ImportRow(UUID jobId, int rowNumber, ImportOutcome outcome, UUID contactId, String reason, List<String> warnings) {
        this.jobId = jobId;
        this.rowNumber = rowNumber;
        this.outcome = outcome;
        this.contactId = contactId;
        // Reasons and warnings quote the user's file, which may hold what PostgreSQL text cannot (a NUL).
        this.reason = reason == null ? null : Text.storable(reason);
        this.warnings = new ArrayList<>(warnings.stream().map(Text::storable).toList());
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

    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
