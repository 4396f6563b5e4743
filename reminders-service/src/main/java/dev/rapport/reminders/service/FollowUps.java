package dev.rapport.reminders.service;

import dev.rapport.reminders.domain.InteractionTouch;
import dev.rapport.reminders.domain.Reminder;
import dev.rapport.reminders.domain.ReminderDetails;
import dev.rapport.reminders.messaging.ReminderEvents;
import dev.rapport.reminders.repository.ReminderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An interaction's follow-up ("send Ada the paper by Friday") is a reminder of its author's, about its first
 * participant: made when the promise is logged, changed with it, removed with it while still open. One completed or
 * dismissed stays as the record of it, unless the promise gets a new day: that is a new promise, open again.
 */
@ApplicationScoped
public class FollowUps {

    static final int MAX_TEXT = 500;
    /** The text of a promise that said nothing, its interaction neither. */
    static final String UNSAID = "Follow up";

    @Inject
    ReminderRepository reminders;

    @Inject
    ReminderEvents events;

    @Inject
    Settings settings;

    /**
     * Brings the follow-ups of these interactions (one event each) up to date. Only an interaction's own events make
     * its follow-up, so one seen for the first time ({@code firstSeen}) has none yet: only the others' are looked up.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void follow(List<InteractionTouch> interactions, Set<UUID> firstSeen) {
        Map<UUID, Reminder> existing = reminders.byOrigins(interactions.stream().map(InteractionTouch::interactionId)
                .filter(id -> !firstSeen.contains(id)).toList());
        for (InteractionTouch interaction : interactions) {
            follow(interaction, Optional.ofNullable(existing.get(interaction.interactionId())));
        }
    }

    private void follow(InteractionTouch interaction, Optional<Reminder> existing) {
        Instant now = Instant.now();
        if (interaction.deleted() || interaction.promise() == null || interaction.author() == null) {
            existing.filter(Reminder::isOpen).ifPresent(reminder -> {
                reminders.delete(reminder);
                events.deleted(reminder, ReminderEvents.FOLLOW_UP_REMOVED, now);
            });
            return;
        }
        ReminderDetails details = details(interaction);
        if (existing.isEmpty()) {
            Reminder reminder = Reminder.followUp(interaction.author(), interaction.interactionId(), details,
                    settings.zoneOf(interaction.author()), now);
            reminders.persist(reminder);
            reminders.flush();
            events.created(reminder);
            return;
        }
        Reminder reminder = existing.get();
        if (reminder.details().equals(details)) {
            return;
        }
        if (reminder.isOpen() || !reminder.dueOn().equals(details.due())) {
            reminder.replace(details, settings.zoneOf(interaction.author()), now);
        } else {
            reminder.amend(details, settings.zoneOf(interaction.author()), now);
        }
        reminders.flush();
        events.updated(reminder);
    }

    private static ReminderDetails details(InteractionTouch interaction) {
        InteractionTouch.Promise promise = interaction.promise();
        String text = Objects.requireNonNullElse(blankToNull(promise.text()),
                Objects.requireNonNullElse(blankToNull(promise.summary()), UNSAID));
        if (text.length() > MAX_TEXT) {
            text = text.substring(0, MAX_TEXT);
        }
        return new ReminderDetails(text, promise.due(), null, null,
                interaction.contactIds().isEmpty() ? null : interaction.contactIds().get(0), null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
