package dev.rapport.reminders.service;

import dev.rapport.reminders.config.RemindersConfig;
import dev.rapport.reminders.domain.Reminder;
import dev.rapport.reminders.domain.UserSettings;
import dev.rapport.reminders.messaging.ReminderEvents;
import dev.rapport.reminders.repository.ReminderRepository;
import dev.rapport.reminders.repository.SettingsRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** A user's reminder settings: their time zone and birthday lead days, the service's defaults until they choose. */
@ApplicationScoped
public class Settings {

    @Inject
    SettingsRepository settings;

    @Inject
    ReminderRepository reminders;

    @Inject
    RemindersConfig config;

    @Inject
    ReminderEvents events;

    @Transactional(Transactional.TxType.SUPPORTS)
    public UserSettings of(String user) {
        return settings.of(user).orElseGet(() -> new UserSettings(config.defaultTimeZone(), config.defaultBirthdayLeadDays(), 0));
    }

    public ZoneId zoneOf(String user) {
        return of(user).timeZone();
    }

    public LocalDate today(String user) {
        return LocalDate.now(zoneOf(user));
    }

    /** Saves them; the user's date-only reminders now begin with the user's day in the new zone (reminder.updated.v1). */
    @Transactional
    public UserSettings save(String user, ZoneId zone, int birthdayLeadDays) {
        Instant now = Instant.now();
        ZoneId before = zoneOf(user);
        long version = settings.save(user, zone, birthdayLeadDays, now);
        if (!before.equals(zone)) {
            List<Reminder> moved = reminders.dateOnlyOf(user);
            moved.forEach(reminder -> reminder.ownerZoneChanged(zone, now));
            reminders.flush();
            moved.forEach(events::updated);
        }
        return new UserSettings(zone, birthdayLeadDays, version);
    }
}
