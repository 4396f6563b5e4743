package dev.rapport.contacts.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;
import org.hibernate.annotations.UuidGenerator;

import java.time.Instant;
import java.util.UUID;

/** An import of one file: queued when accepted, then run row by row; counters say how far it got. */
@Entity
@Table(name = "import_job")
public class ImportJob {

    public enum Status { QUEUED, RUNNING, SUCCEEDED, FAILED }

    /** Time-ordered (UUIDv7), assigned by Hibernate on persist: nothing reads it before. */
    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @TenantId
    @Column(name = "workspace_id", nullable = false, updatable = false)
    private String workspaceId;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ImportFormat format;

    @Column(name = "dry_run", nullable = false, updatable = false)
    private boolean dryRun;

    /** Kept until the job ends, so a crash mid-import resumes it. */
    @Basic(fetch = FetchType.LAZY)
    private byte[] payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    private String failure;

    @Column(name = "rows_read", nullable = false)
    private int rowsRead;
    @Column(name = "rows_created", nullable = false)
    private int rowsCreated;
    @Column(name = "rows_updated", nullable = false)
    private int rowsUpdated;
    @Column(name = "rows_skipped", nullable = false)
    private int rowsSkipped;
    @Column(name = "rows_failed", nullable = false)
    private int rowsFailed;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "finished_at")
    private Instant finishedAt;

    protected ImportJob() {
    }

    public ImportJob(ImportFormat format, boolean dryRun, byte[] payload, String createdBy) {
        this.format = format;
        this.dryRun = dryRun;
        this.payload = payload;
        this.createdBy = createdBy;
        this.status = Status.QUEUED;
        this.createdAt = Instant.now();
    }

    public void read(int rows) {
        rowsRead = rows;
    }

    public void count(ImportOutcome outcome) {
        switch (outcome) {
            case CREATED -> rowsCreated++;
            case UPDATED -> rowsUpdated++;
            case SKIPPED -> rowsSkipped++;
            case FAILED -> rowsFailed++;
        }
    }

    public void succeed() {
        status = Status.SUCCEEDED;
        payload = null;
        finishedAt = Instant.now();
    }

    public void fail(String reason) {
        status = Status.FAILED;
        failure = reason;
        payload = null;
        finishedAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public String workspaceId() {
        return workspaceId;
    }

    public String createdBy() {
        return createdBy;
    }

    public ImportFormat format() {
        return format;
    }

    public boolean dryRun() {
        return dryRun;
    }

    public byte[] payload() {
        return payload;
    }

    public Status status() {
        return status;
    }

    public String failure() {
        return failure;
    }

    public int rowsRead() {
        return rowsRead;
    }

    public int rowsCreated() {
        return rowsCreated;
    }

    public int rowsUpdated() {
        return rowsUpdated;
    }

    public int rowsSkipped() {
        return rowsSkipped;
    }

    public int rowsFailed() {
        return rowsFailed;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
