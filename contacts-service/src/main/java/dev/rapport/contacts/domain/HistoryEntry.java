package dev.rapport.contacts.domain;

import dev.rapport.kit.ids.Uuids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** One dated change of a contact's job, place or relationship: old and new values, when, and who said so. */
@Entity
@Table(name = "contact_history")
public class HistoryEntry {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "workspace_id", nullable = false, updatable = false)
    private String workspaceId;

    @Column(name = "contact_id", nullable = false, updatable = false)
    private UUID contactId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private HistoryKind kind;

    @Column(name = "effective_on", nullable = false)
    private LocalDate effectiveOn;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "old_value", nullable = false)
    private Map<String, String> oldValue;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "new_value", nullable = false)
    private Map<String, String> newValue;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected HistoryEntry() {
    }

    public HistoryEntry(UUID contactId, HistoryKind kind, LocalDate effectiveOn, Map<String, String> oldValue,
                        Map<String, String> newValue, String recordedBy, Instant recordedAt) {
        this.id = Uuids.v7();
        this.contactId = contactId;
        this.kind = kind;
        this.effectiveOn = effectiveOn;
        this.oldValue = oldValue;
        this.newValue = newValue;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public UUID id() {
        return id;
    }

    public UUID contactId() {
        return contactId;
    }

    public HistoryKind kind() {
        return kind;
    }

    public LocalDate effectiveOn() {
        return effectiveOn;
    }

    public Map<String, String> oldValue() {
        return oldValue;
    }

    public Map<String, String> newValue() {
        return newValue;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
