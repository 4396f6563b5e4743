package dev.rapport.kit.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An outbox row as written: an entity, so a transaction's events are inserted with its other rows in the
 * same flush and JDBC batches instead of one round trip each. The relay reads rows with its own SQL; the
 * sequence ({@code seq}) is left to the database.
 */
@Entity
@Table(name = "outbox_event")
class OutboxEvent {

    @Id
    UUID id;

    @Column(nullable = false, updatable = false)
    String topic;

    @Column(nullable = false, updatable = false)
    String type;

    @Column(nullable = false, updatable = false)
    String subject;

    @Column(nullable = false, updatable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    String payload;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    OffsetDateTime occurredAt;

    @Column(name = "trace_context", updatable = false, columnDefinition = "jsonb")
    @ColumnTransformer(write = "cast(? as jsonb)")
    String traceContext;

    @Column(name = "workspace_id", updatable = false)
    String workspaceId;

    @Column(updatable = false)
    String audience;

    protected OutboxEvent() {
    }

    OutboxEvent(UUID id, String topic, String type, String subject, String payload, OffsetDateTime occurredAt,
                String traceContext, String workspaceId, String audience) {
        this.id = id;
        this.topic = topic;
        this.type = type;
        this.subject = subject;
        this.payload = payload;
        this.occurredAt = occurredAt;
        this.traceContext = traceContext;
        this.workspaceId = workspaceId;
        this.audience = audience;
    }
}
