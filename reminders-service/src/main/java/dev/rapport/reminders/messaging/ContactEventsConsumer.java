package dev.rapport.reminders.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.reminders.service.ContactProjectionService;
import dev.rapport.kit.inbox.EventConsumer;
import dev.rapport.kit.inbox.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.util.concurrent.CompletionStage;

@ApplicationScoped
public class ContactEventsConsumer {

    static final String CONSUMER = "reminders.contact-projection";
    static final String CREATED_V1 = "dev.rapport.contact.created.v1";

    @Inject
    EventConsumer consumer;

    @Inject
    ContactProjectionService projections;

    @Inject
    ObjectMapper json;

    @Incoming("contact-events")
    @Blocking
    public CompletionStage<Void> onContactEvent(Message<String> message) {
        return consumer.process(CONSUMER, message, this::apply);
    }

    private void apply(IncomingEvent event) {
        if (CREATED_V1.equals(event.type())) {
            ContactEventV1 contact = read(event);
            projections.upsert(contact.contactId(), contact.displayName(), contact.emails(), event.time());
        }
        // Other types are not this consumer's concern yet: tolerant readers skip them.
    }

    private ContactEventV1 read(IncomingEvent event) {
        try {
            return json.readValue(event.data(), ContactEventV1.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Unreadable " + event.type() + " " + event.id(), e);
        }
    }
}
