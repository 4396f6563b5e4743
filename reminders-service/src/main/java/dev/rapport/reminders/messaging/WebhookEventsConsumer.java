package dev.rapport.reminders.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.kit.changes.Change;
import dev.rapport.kit.inbox.EventConsumer;
import dev.rapport.kit.inbox.IncomingEvent;
import dev.rapport.kit.outbox.Audience;
import dev.rapport.reminders.domain.Webhook;
import dev.rapport.reminders.service.Webhooks;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Queues webhook deliveries ({@code webhook-events} channel: the contact, interaction and reminder topics, a consumer
 * group of its own): each event once per webhook that wants it (the kit's inbox, and a unique delivery per webhook
 * and event). In a workspace without webhooks its events are skipped without a write: a webhook is owed what happens
 * after it is registered (a lagging or redelivered batch may still bring it a few earlier events). The delivery body
 * is the event as published, in the CloudEvents JSON format, as the changes feed gives it.
 */
@ApplicationScoped
public class WebhookEventsConsumer {

    static final String CONSUMER = "reminders.webhooks";

    @Inject
    EventConsumer consumer;

    @Inject
    Webhooks webhooks;

    @Inject
    ObjectMapper json;

    @Incoming("webhook-events")
    @Blocking
    public CompletionStage<Void> onEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.processBatch(CONSUMER, batch, Webhooks.EVENT_TYPES::contains, webhooks::any, events -> {
            List<Webhook> all = webhooks.all();
            if (all.isEmpty()) {
                return;
            }
            for (IncomingEvent event : events) {
                webhooks.enqueue(all, event.id(), event.type(), Audience.fromWire(event.audience()), body(event));
            }
        });
    }

    private String body(IncomingEvent event) {
        Instant time = event.time() == null ? Instant.now() : event.time();
        try {
            json.readTree(event.data());
            return json.writeValueAsString(new Change("1.0", event.id(), event.source(), event.type(), event.subject(),
                    time.atOffset(ZoneOffset.UTC), "application/json", event.data()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unreadable " + event.type() + " " + event.id(), e);
        }
    }
}
