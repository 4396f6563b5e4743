package dev.rapport.kit.outbox;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** An outbox row not yet acknowledged by Kafka. */
record PendingEvent(long seq, UUID id, String workspace, String topic, String type, String subject, String payload,
                    OffsetDateTime occurredAt, Map<String, String> traceContext,
                    String audience) {
}
