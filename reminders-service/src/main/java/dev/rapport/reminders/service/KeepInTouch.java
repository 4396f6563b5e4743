package dev.rapport.reminders.service;

import dev.rapport.reminders.messaging.ReminderEvents;
import dev.rapport.reminders.repository.KeepInTouchRepository;
import dev.rapport.reminders.repository.ReminderRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Brings keep-in-touch reminders in line with cadences, contacts and interactions, in the caller's transaction, and
 * announces each one created, moved or removed.
 */
@ApplicationScoped
public class KeepInTouch {

    @Inject
    KeepInTouchRepository keepInTouch;

    @Inject
    ReminderRepository reminders;

    @Inject
    ReminderEvents events;

    /** For these contacts; {@code removedBecause} names why one that no longer applies goes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(Collection<UUID> contactIds, String removedBecause) {
        if (!contactIds.isEmpty()) {
            refresh(contactIds, false, removedBecause);
        }
    }

    /**
     * For these contacts after an interaction: it moves their days, but cannot give or take a cadence, so nothing is
     * removed (the cheaper path a steady stream of interaction events takes).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void touched(Collection<UUID> contactIds) {
        if (contactIds.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        reminders.flush();
        // After this transaction's touches are written and before the days are read from them: the refresh then sees
        // every touch committed by a transaction that held these locks before us.
        keepInTouch.lockKeepInTouchOf(contactIds);
        announce(keepInTouch.refresh(contactIds, false, LocalDate.now(ZoneOffset.UTC), now));
    }

    /** For every contact of the workspace (a tag's cadence changed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refreshAll(String removedBecause) {
        refresh(List.of(), true, removedBecause);
    }

    private void refresh(Collection<UUID> contactIds, boolean all, String removedBecause) {
        Instant now = Instant.now();
        // Set-based statements below read what this transaction changed through entities.
        reminders.flush();
        if (!all) {
            keepInTouch.lockKeepInTouchOf(contactIds);
        }
        List<Object[]> removed = keepInTouch.removeStale(contactIds, all);
        List<UUID> changed = keepInTouch.refresh(contactIds, all, LocalDate.now(ZoneOffset.UTC), now);
        for (Object[] row : removed) {
            events.deleted((UUID) row[0], "keep-in-touch", (UUID) row[1], null, ((Number) row[2]).longValue(),
                    removedBecause, now);
        }
        announce(changed);
    }

    private void announce(List<UUID> changed) {
        if (!changed.isEmpty()) {
            events.createdOrUpdated(reminders.byIds(changed));
        }
    }
}
