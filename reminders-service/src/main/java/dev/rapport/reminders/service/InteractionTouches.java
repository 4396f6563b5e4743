package dev.rapport.reminders.service;

import dev.rapport.reminders.domain.InteractionTouch;
import dev.rapport.reminders.repository.TouchRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What an interaction event changes here, in the consumer's transaction: who was in touch when (so keep-in-touch days
 * move, back as well as forward), and the follow-up it promised. An event older than one already applied for the same
 * interaction changes nothing, so late and repeated events are harmless. A batch of events moves the keep-in-touch
 * days of everyone they touched once, after all of them: the days depend only on the touches recorded.
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
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<InteractionTouch> interactions) {
        Set<UUID> affected = new LinkedHashSet<>();
        for (InteractionTouch interaction : interactions) {
            if (touches.advance(interaction.interactionId(), interaction.version(), interaction.deleted())) {
                List<UUID> keptInTouch = keptInTouch(interaction);
                affected.addAll(touches.replace(interaction.interactionId(), keptInTouch, interaction.at(), interaction.day()));
                affected.addAll(keptInTouch);
                followUps.follow(interaction);
                // Every native statement flushes, and a flush visits every entity the session holds: kept across a
                // batch of a hundred events, the session made the batch quadratic. Nothing here outlives one event.
                entityManager.flush();
                entityManager.clear();
            }
        }
        keepInTouch.touched(affected);
    }

    /**
     * The contacts whose keep-in-touch day the interaction may move. A keep-in-touch reminder about a shared contact is
     * the whole workspace's, so a private interaction (its author's only) moves only the days of its author's own
     * private contacts: otherwise its colleagues would read off the reminder when it happened.
     */
    private List<UUID> keptInTouch(InteractionTouch interaction) {
        return interaction.authorOnly()
                ? touches.privateContactsOf(interaction.contactIds(), interaction.author())
                : interaction.contactIds();
    }
}
