package dev.rapport.interactions.messaging;

import dev.rapport.interactions.domain.FollowUp;
import dev.rapport.interactions.domain.Interaction;
import dev.rapport.interactions.domain.LoggedInteraction;
import dev.rapport.directory.service.ContactProjectionService;
import dev.rapport.interactions.domain.Visibility;
import dev.rapport.kit.outbox.Audience;
import dev.rapport.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import static dev.rapport.events.InteractionEventTypes.DELETED_V1;
import static dev.rapport.events.InteractionEventTypes.LOGGED_V1;
import static dev.rapport.events.InteractionEventTypes.TOPIC;
import static dev.rapport.events.InteractionEventTypes.UPDATED_V1;

/**
 * The interaction events this service owns, written to the outbox inside the caller's transaction (after a flush,
 * so the version they carry is the one committed). Type names and topic: interaction-events.
 */
@ApplicationScoped
public class InteractionEvents {

    public static final String DELETED = "deleted";
    public static final String PARTICIPANTS_ERASED = "participants-erased";

    @Inject
    Outbox outbox;

    @Inject
    ContactProjectionService contacts;

    public void logged(LoggedInteraction logged) {
        logged(logged, contacts.privateOwners(logged.participants()));
    }

    /** @param privateOwners the owners of its private participants, when the caller has just read them */
    public void logged(LoggedInteraction logged, List<String> privateOwners) {
        outbox.append(TOPIC, LOGGED_V1, logged.interaction().id(), state(logged),
                audienceOf(logged.interaction(), privateOwners));
    }

    public void updated(LoggedInteraction updated) {
        outbox.append(TOPIC, UPDATED_V1, updated.interaction().id(), state(updated),
                audience(updated.interaction(), updated.participants()));
    }

    /** The event carries the interaction's next version, so it outranks every state sent. */
    public void deleted(Interaction interaction, List<UUID> participants, String reason, Instant at) {
        outbox.append(TOPIC, DELETED_V1, interaction.id(),
                new InteractionDeletedV1(interaction.id(), participants, interaction.version() + 1, at, reason),
                audience(interaction, participants));
    }

    /** Who outside the services may read it: as the API shows interactions (a private one, one with a private contact). */
    private Audience audience(Interaction interaction, List<UUID> participants) {
        return audienceOf(interaction, contacts.privateOwners(participants));
    }

    private static Audience audienceOf(Interaction interaction, Collection<String> privateOwners) {
        List<String> owners = new ArrayList<>(privateOwners);
        if (interaction.visibility() == Visibility.PRIVATE) {
            owners.add(interaction.createdBy());
        }
        return Audience.ofPrivateTo(owners);
    }

    private static InteractionStateV1 state(LoggedInteraction logged) {
        Interaction i = logged.interaction();
        FollowUp followUp = i.followUp();
        return new InteractionStateV1(i.id(), i.kind().wire(), i.occurredAt(), i.timeZone().getId(),
                i.durationMinutes(), i.initiatedBy().wire(), logged.participants(), i.summary(),
                followUp == null ? null : new InteractionStateV1.FollowUpV1(followUp.due(), followUp.text()),
                i.tags(), i.visibility().wire(), i.createdBy(), i.source().wire(), i.version(), i.createdAt(),
                i.updatedAt());
    }
}
