package dev.rapport.interactions.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.interactions.domain.Initiator;
import dev.rapport.interactions.domain.InteractionDetails;
import dev.rapport.interactions.domain.InteractionKind;
import dev.rapport.interactions.domain.Visibility;
import dev.rapport.interactions.service.InteractionService;
import dev.rapport.kit.inbox.EventConsumer;
import dev.rapport.kit.inbox.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import static dev.rapport.events.ReminderEventTypes.COMPLETED_V1;

/**
 * A reminder completed with "log this" ({@code reminder-events} channel, topic {@code rapport.reminders.v1}) is logged
 * here, as its user, under the id reminders-service gave it: the interaction log stays this service's, and the logged
 * event moves the keep-in-touch back in reminders-service as any interaction does. Once per event (the kit's inbox);
 * what cannot be read is dead-lettered.
 */
@ApplicationScoped
public class ReminderEventsConsumer {

    static final String CONSUMER = "interactions.reminders";
    private static final Set<String> APPLIED = Set.of(COMPLETED_V1);

    @Inject
    EventConsumer consumer;

    @Inject
    InteractionService interactions;

    @Inject
    ObjectMapper json;

    @Incoming("reminder-events")
    @Blocking
    public CompletionStage<Void> onReminderEvents(KafkaRecordBatch<String, String> batch) {
        // Most reminder events are not completions: acknowledged as read, without a transaction or an inbox row.
        return consumer.processBatch(CONSUMER, batch, APPLIED::contains, events -> events.forEach(this::apply));
    }

    private void apply(IncomingEvent event) {
        ReminderCompletedV1.LogInteraction log = event.read(json, ReminderCompletedV1.class).logInteraction();
        if (log == null) {
            return;
        }
        if (log.interactionId() == null || log.kind() == null || log.occurredAt() == null || log.participants() == null
                || log.participants().isEmpty() || log.participants().contains(null) || log.createdBy() == null) {
            throw new IllegalArgumentException("Incomplete logInteraction in " + event.type() + " " + event.id());
        }
        InteractionDetails details = new InteractionDetails(InteractionKind.fromWire(log.kind()), log.occurredAt(),
                ZoneId.of(log.timeZone() == null ? "UTC" : log.timeZone()), null, null, null,
                Initiator.fromWire(log.initiatedBy() == null ? "me" : log.initiatedBy()),
                List.copyOf(log.participants()), log.summary(), null, null, null, null, List.of(), Visibility.WORKSPACE);
        interactions.logAsked(log.interactionId(), details, log.createdBy());
    }
}
