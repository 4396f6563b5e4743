package dev.rapport.reminders.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.kit.inbox.EventConsumer;
import dev.rapport.kit.inbox.IncomingEvent;
import dev.rapport.reminders.domain.InteractionTouch;
import dev.rapport.reminders.service.InteractionTouches;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import static dev.rapport.events.InteractionEventTypes.DELETED_V1;
import static dev.rapport.events.InteractionEventTypes.LOGGED_V1;
import static dev.rapport.events.InteractionEventTypes.UPDATED_V1;

/**
 * Interactions move keep-in-touch dates and make follow-ups ({@code interaction-events} channel, topic
 * {@code rapport.interactions.v1}): at most once per event id (the kit's inbox), dead-lettering what it cannot read.
 */
@ApplicationScoped
public class InteractionEventsConsumer {

    static final String CONSUMER = "reminders.interactions";
    /** Other interaction events are not this consumer's concern: tolerant readers skip them. */
    private static final Set<String> APPLIED = Set.of(LOGGED_V1, UPDATED_V1, DELETED_V1);

    @Inject
    EventConsumer consumer;

    @Inject
    InteractionTouches touches;

    @Inject
    ObjectMapper json;

    @Incoming("interaction-events")
    @Blocking
    public CompletionStage<Void> onInteractionEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.processBatch(CONSUMER, batch, APPLIED::contains,
                events -> touches.apply(events.stream().map(this::touch).toList()));
    }

    private InteractionTouch touch(IncomingEvent event) {
        return switch (event.type()) {
            case LOGGED_V1, UPDATED_V1 -> {
                InteractionEventV1 interaction = read(event);
                if (interaction.occurredAt() == null || interaction.participants() == null
                        || interaction.participants().contains(null)) {
                    throw new IllegalArgumentException("No occurredAt or participants in " + event.type() + " " + event.id());
                }
                InteractionEventV1.FollowUp followUp = interaction.followUp();
                yield new InteractionTouch(interaction.interactionId(), interaction.version(), false,
                        List.copyOf(interaction.participants()),
                        interaction.occurredAt().atZone(zone(interaction.timeZone())).toLocalDate(), interaction.occurredAt(),
                        followUp == null || followUp.due() == null ? null
                                : new InteractionTouch.Promise(followUp.due(), followUp.text(), interaction.summary()),
                        interaction.createdBy(), "private".equals(interaction.visibility()));
            }
            case DELETED_V1 -> {
                InteractionEventV1 deleted = read(event);
                yield InteractionTouch.deleted(deleted.interactionId(), deleted.version());
            }
            default -> throw new IllegalStateException("Not an applied type: " + event.type());
        };
    }

    private InteractionEventV1 read(IncomingEvent event) {
        InteractionEventV1 data = event.read(json, InteractionEventV1.class);
        if (data.interactionId() == null || data.version() == null) {
            throw new IllegalArgumentException("No interactionId or version in " + event.type() + " " + event.id());
        }
        return data;
    }

    /** The zone it was recorded in; one this JVM does not know counts as UTC rather than losing the interaction. */
    private static ZoneId zone(String id) {
        try {
            return id == null ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
