package dev.rapport.interactions.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import dev.rapport.kit.ids.Uuids;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One uploaded .ics file: queued with its bytes, then processed; the bytes are dropped when it ends. */
@Entity
@Table(name = "calendar_import")
public class CalendarImport {

    public enum Status { QUEUED, RUNNING, DONE, FAILED }

    @Id
    private UUID id;

    @TenantId
    @Column(name = "workspace_id", nullable = false, updatable = false)
    private String workspaceId;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(nullable = false)
    private String status;

    /** Of the interactions it creates. */
    @Column(nullable = false, updatable = false)
    private String visibility;

    @Basic(fetch = FetchType.LAZY)
    private byte[] payload;

    @Embedded
    private CalendarCounts counts = CalendarCounts.NONE;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<CalendarReason> reasons = new ArrayList<>();

    @Column(name = "reasons_truncated", nullable = false)
    private boolean reasonsTruncated;

    private String error;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "finished_at")
    private Instant finishedAt;

    protected CalendarImport() {
    }

    public CalendarImport(byte[] payload, Visibility visibility, String createdBy) {
        this.id = Uuids.v7();
        this.payload = payload;
        this.visibility = visibility.wire();
        this.createdBy = createdBy;
        this.status = Status.QUEUED.name();
        this.createdAt = Instant.now();
    }

    public void start() {
        status = Status.RUNNING.name();
    }

    public void succeed(CalendarCounts counts, List<CalendarReason> reasons, boolean truncated) {
        this.counts = counts;
        this.reasons = new ArrayList<>(reasons);
        reasonsTruncated = truncated;
        end(Status.DONE);
    }

    /** @param error safe to show: says what is wrong with the file, never which library said so */
    public void fail(String error) {
        this.error = error;
        end(Status.FAILED);
    }

    private void end(Status status) {
        this.status = status.name();
        payload = null;
        finishedAt = Instant.now();
    }

    public UUID id() {
        return id;
    }

    public String createdBy() {
        return createdBy;
    }

    public Status status() {
        return Status.valueOf(status);
    }

    public Visibility visibility() {
        return Visibility.fromWire(visibility);
    }

    public byte[] payload() {
        return payload;
    }

    public CalendarCounts counts() {
        return counts;
    }

    public List<CalendarReason> reasons() {
        return List.copyOf(reasons);
    }

    public boolean reasonsTruncated() {
        return reasonsTruncated;
    }

    public String error() {
        return error;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
