package dev.rapport.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.kit.ids.Uuids;
import dev.rapport.kit.tenancy.WorkspaceContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import dev.rapport.kit.tx.AfterCommit;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Records an event in the caller's database transaction. Nothing reaches Kafka unless that transaction
 * commits; the {@link OutboxRelay} publishes it right after the commit (or on its next sweep). The row is
 * written at the transaction's next flush, in the order the events were appended: code that clears the
 * persistence context must flush first, or the event is dropped with the rest of the session.
 */
@ApplicationScoped
@Unremovable
public class Outbox {

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    AfterCommit afterCommit;

    @Inject
    OutboxRelay relay;

    @Inject
    OpenTelemetry openTelemetry;

    @Inject
    WorkspaceContext workspaces;

    /**
     * @param topic   the producing aggregate's topic
     * @param type    CloudEvents type, e.g. {@code dev.rapport.contact.created.v1}
     * @param subject the aggregate id: Kafka key and CloudEvents subject, so one aggregate's events stay ordered
     * @param payload serialised as the JSON data of the event
     * @param audience who may read it in the changes feed and webhooks
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(String topic, String type, UUID subject, Object payload, Audience audience) {
        UUID id = Uuids.v7();
        entityManager.persist(new OutboxEvent(id, topic, type, subject.toString(), toJson(payload),
                OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC), currentTraceContext(), workspaces.require(),
                audience.user()));
        afterCommit.run(() -> relay.wake(id));
        return id;
    }

    /** The caller's W3C trace context, or null when tracing is off or there is no trace. */
    private String currentTraceContext() {
        Map<String, String> carrier = new HashMap<>();
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), carrier, Map::put);
        return carrier.isEmpty() ? null : toJson(carrier);
    }

    private String toJson(Object payload) {
        try {
            return objectMapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload is not serialisable: " + payload.getClass(), e);
        }
    }
}
