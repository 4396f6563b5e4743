package dev.rapport.interactions.service;

import dev.rapport.directory.domain.ContactChange;
import dev.rapport.directory.service.ContactProjectionService;
import dev.rapport.interactions.domain.Interaction;
import dev.rapport.interactions.domain.LoggedInteraction;
import dev.rapport.interactions.messaging.InteractionEvents;
import dev.rapport.interactions.repository.InteractionRepository;
import dev.rapport.interactions.repository.ParticipantRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Keeps participants in step with contact events, in the consumer's transaction: an erased contact leaves every
 * interaction (one left with nobody is erased with it); merged contacts become their survivor (without counting
 * anyone twice); an undone merge gives back exactly who was logged. Each interaction this changes gets a new
 * version and its event, so consumers of interactions need not follow contact merges themselves.
 */
@ApplicationScoped
public class ParticipantChanges {

    @Inject
    ParticipantRepository participants;

    @Inject
    InteractionRepository interactions;

    @Inject
    ContactProjectionService contacts;

    @Inject
    InteractionEvents events;

    @Transactional(Transactional.TxType.MANDATORY)
    void onContactChange(@Observes ContactChange change) {
        if (change instanceof ContactChange.Erased erased) {
            List<UUID> affected = participants.interactionsWith(List.of(erased.contactId()));
            Map<UUID, List<UUID>> before = participants.current(affected);
            participants.remove(erased.contactId());
            participants.reshadow(affected);
            announce(before);
        } else if (change instanceof ContactChange.Merged merged) {
            repoint(merged.absorbedIds());
        } else if (change instanceof ContactChange.Unmerged unmerged) {
            repoint(List.of(contacts.resolve(unmerged.survivorId())));
        }
        // ContactChange.Changed: a contact's name or tags changing leaves who took part as it is.
    }

    /** Resolves again every participant that is one of {@code contactIds} now. */
    private void repoint(List<UUID> contactIds) {
        List<UUID> affected = participants.interactionsWith(contactIds);
        if (affected.isEmpty()) {
            return;
        }
        Map<UUID, List<UUID>> before = participants.current(affected);
        for (UUID logged : participants.loggedAs(contactIds)) {
            participants.repoint(logged, contacts.resolve(logged));
        }
        participants.reshadow(affected);
        announce(before);
    }

    /** A new version and event for each interaction whose contacts changed; erasure for one left with none. */
    private void announce(Map<UUID, List<UUID>> before) {
        Map<UUID, List<UUID>> after = participants.current(before.keySet());
        Instant now = Instant.now();
        for (Interaction interaction : interactions.byIds(before.keySet())) {
            List<UUID> remaining = after.getOrDefault(interaction.id(), List.of());
            if (remaining.isEmpty()) {
                interactions.delete(interaction);
                events.deleted(interaction, List.of(), InteractionEvents.PARTICIPANTS_ERASED, now);
            } else if (!Objects.equals(remaining, before.get(interaction.id()))) {
                interaction.participantsChanged(now);
                interactions.flush();
                events.updated(new LoggedInteraction(interaction, remaining));
            }
        }
    }
}
