package dev.rapport.directory.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.directory.config.DirectoryConfig;
import dev.rapport.directory.domain.ContactState;
import dev.rapport.directory.service.ContactProjectionService;
import dev.rapport.kit.inbox.EventConsumer;
import dev.rapport.kit.inbox.IncomingEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.concurrent.CompletionStage;

import static dev.rapport.events.ContactEventTypes.CREATED_V1;
import static dev.rapport.events.ContactEventTypes.DELETED_V1;
import static dev.rapport.events.ContactEventTypes.MERGED_V1;
import static dev.rapport.events.ContactEventTypes.MERGE_UNDONE_V1;
import static dev.rapport.events.ContactEventTypes.RESTORED_V1;
import static dev.rapport.events.ContactEventTypes.UPDATED_V1;

/**
 * Keeps the contact projection from contact events ({@code contact-events} channel, topic
 * {@code rapport.contacts.v1}): at most once per event id (the kit's inbox, under the service's
 * {@code rapport.contact-directory.consumer} name), dead-lettering what it cannot read.
 */
@ApplicationScoped
public class ContactEventsConsumer {

    /** Job, move and relationship events are followed by an updated event with the whole state. */
    private static final Set<String> APPLIED = Set.of(CREATED_V1, UPDATED_V1, RESTORED_V1, DELETED_V1, MERGED_V1,
            MERGE_UNDONE_V1);

    @Inject
    EventConsumer consumer;

    @Inject
    DirectoryConfig config;

    @Inject
    ContactProjectionService projections;

    @Inject
    ObjectMapper json;

    @Incoming("contact-events")
    @Blocking
    public CompletionStage<Void> onContactEvents(KafkaRecordBatch<String, String> batch) {
        return consumer.processBatch(config.consumer(), batch, APPLIED::contains, events -> {
            List<Step> steps = events.stream().map(this::step).toList();
            ContactProjectionService.Batch changes = projections.batch(
                    steps.stream().flatMap(step -> step.contactIds().stream()).collect(Collectors.toSet()));
            steps.forEach(step -> step.apply().accept(changes));
            changes.finish();
        });
    }

    /** An event read, ready to apply: the contacts it names and what it does to them. */
    private record Step(List<UUID> contactIds, Consumer<ContactProjectionService.Batch> apply) {
    }

    private Step step(IncomingEvent event) {
        Instant at = event.time() == null ? Instant.now() : event.time();
        switch (event.type()) {
            case CREATED_V1, UPDATED_V1 -> {
                ContactEventV1 contact = read(event, ContactEventV1.class, c -> c.contactId() != null, "contactId");
                return new Step(List.of(contact.contactId()), changes -> changes.apply(contact.contactId(), state(contact), at));
            }
            case RESTORED_V1 -> {
                ContactEventV1 contact = read(event, ContactEventV1.class, c -> c.contactId() != null, "contactId");
                return new Step(List.of(contact.contactId()), changes -> changes.restored(contact.contactId(), state(contact), at));
            }
            case DELETED_V1 -> {
                ContactEventV1 deleted = read(event, ContactEventV1.class, c -> c.contactId() != null, "contactId");
                return new Step(List.of(deleted.contactId()), changes -> changes.erase(deleted.contactId(), deleted.versionOrZero(), at));
            }
            case MERGED_V1 -> {
                ContactMergeEventV1 merged = read(event, ContactMergeEventV1.class,
                        m -> m.survivorId() != null && m.absorbedIds() != null && !m.absorbedIds().contains(null),
                        "survivorId and absorbedIds");
                return new Step(merged.absorbedIds(), changes -> changes.merged(merged.survivorId(), merged.absorbedIds(), at));
            }
            case MERGE_UNDONE_V1 -> {
                ContactMergeEventV1 undone = read(event, ContactMergeEventV1.class,
                        m -> m.survivorId() != null && m.restored() != null
                                && m.restored().stream().allMatch(c -> c != null && c.contactId() != null),
                        "survivorId and restored contacts");
                Map<UUID, ContactState> restored = new LinkedHashMap<>();
                undone.restored().forEach(contact -> restored.put(contact.contactId(), state(contact)));
                return new Step(List.copyOf(restored.keySet()), changes -> changes.unmerged(undone.survivorId(), restored, at));
            }
            default -> throw new IllegalStateException("Not an applied type: " + event.type());
        }
    }

    private static ContactState state(ContactEventV1 contact) {
        ContactEventV1.Birthday b = contact.birthday();
        return new ContactState(contact.displayName(), contact.emails(),
                b == null ? null : b.month(), b == null ? null : b.day(), b == null ? null : b.year(),
                contact.ownerId(), contact.visibility(), contact.relationship(), contact.tags(), contact.versionOrZero());
    }

    /** The event's data as {@code type}; unreadable or without {@code required}, it is dead-lettered. */
    private <T> T read(IncomingEvent event, Class<T> type, Predicate<T> complete, String required) {
        T data = event.read(json, type);
        if (!complete.test(data)) {
            throw new IllegalArgumentException("No " + required + " in " + event.type() + " " + event.id());
        }
        return data;
    }
}
