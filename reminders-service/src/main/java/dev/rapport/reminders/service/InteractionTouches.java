package dev.rapport.reminders.service;

import dev.rapport.directory.domain.ContactRef;
import dev.rapport.directory.service.ContactProjectionService;
import dev.rapport.reminders.domain.InteractionTouch;
import dev.rapport.reminders.repository.TouchRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What an interaction event changes here, in the consumer's transaction: who was in touch when (so keep-in-touch days
 * move, back as well as forward), and the follow-up it promised. An event older than one already applied for the same
 * interaction changes nothing, so late and repeated events are harmless. A batch of events is applied a statement at a
 * time for all of them, and moves the keep-in-touch days of everyone they touched once, after all of them: the days
 * depend only on the touches recorded.
 */
@ApplicationScoped
public class InteractionTouches {

    @Inject
    TouchRepository touches;

    @Inject
    KeepInTouch keepInTouch;

    @Inject
    FollowUps followUps;

    @Inject
    ContactProjectionService contacts;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<InteractionTouch> interactions) {
        // Only an interaction's newest event in the batch is applied: it reaches the state that applying all of them
        // in order would.
        Map<UUID, InteractionTouch> newest = new LinkedHashMap<>();
        interactions.forEach(interaction -> newest.merge(interaction.interactionId(), interaction,
                (kept, next) -> next.version() > kept.version() ? next : kept));
        Map<UUID, Boolean> news = touches.advance(newest.values());
        List<InteractionTouch> applied = newest.values().stream()
                .filter(interaction -> news.containsKey(interaction.interactionId())).toList();
        if (applied.isEmpty()) {
            return;
        }
        // One read for the batch of the contacts private interactions name (a calendar import's meetings are private).
        Map<UUID, ContactRef> named = contacts.byIds(applied.stream().filter(InteractionTouch::authorOnly)
                .flatMap(interaction -> interaction.contactIds().stream()).collect(Collectors.toSet()));
        List<TouchRepository.Touch> now = new ArrayList<>();
        for (InteractionTouch interaction : applied) {
            for (UUID contactId : keptInTouch(interaction, named)) {
                now.add(new TouchRepository.Touch(interaction.interactionId(), contactId, interaction.at(), interaction.day()));
            }
        }
        // A first version has no touches recorded to replace, nor a follow-up made before.
        Map<Boolean, Set<UUID>> byFirst = news.entrySet().stream().collect(Collectors.partitioningBy(Map.Entry::getValue,
                Collectors.mapping(Map.Entry::getKey, Collectors.toSet())));
        Set<UUID> affected = new LinkedHashSet<>(touches.replace(byFirst.get(false), now));
        now.forEach(touch -> affected.add(touch.contactId()));
        followUps.follow(applied, byFirst.get(true));
        keepInTouch.touched(affected);
    }

    /**
     * The contacts whose keep-in-touch day the interaction may move. A keep-in-touch reminder about a shared contact is
     * the whole workspace's, so a private interaction (its author's only) moves only the days of its author's own
     * private contacts: otherwise its colleagues would read off the reminder when it happened.
     */
    private static List<UUID> keptInTouch(InteractionTouch interaction, Map<UUID, ContactRef> named) {
        if (!interaction.authorOnly()) {
            return interaction.contactIds();
        }
        return interaction.contactIds().stream().distinct().filter(id -> {
            ContactRef contact = named.get(id);
            return contact != null && contact.isPrivate() && interaction.author() != null
                    && interaction.author().equals(contact.ownerId());
        }).toList();
    }
}
