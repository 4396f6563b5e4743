package dev.rapport.reminders.mapping.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * One reminder as the calendar feed shows it: an all-day event ({@code time == null}) or a short timed one.
 *
 * @param uid             the event's UID: stable across feed refreshes (calendar programs match updates on it) and
 *                        unique within a feed; given by the caller
 * @param description     null when there is none
 * @param date            the (first) day; a yearly entry on 29 February recurs on the last day of February
 * @param time            null for an all-day event
 * @param zone            required when {@code time} is set, ignored otherwise (all-day dates have no zone: they are
 *                        the same day wherever the reader is)
 * @param yearly          repeats every year from {@code date}
 * @param alarmDaysBefore null for no alarm; 0 alarms at the start, n at the same time n days before (for all-day
 *                        events: midnight, n days before)
 * @param categories      in the order shown, duplicates dropped; null is read as none
 * @param lastModified    when the caller last changed what the entry shows
 */
public record FeedEntry(
        String uid,
        String summary,
        String description,
        LocalDate date,
        LocalTime time,
        ZoneId zone,
        boolean yearly,
        Integer alarmDaysBefore,
        List<String> categories,
        Instant lastModified) {

    public FeedEntry {
        Objects.requireNonNull(uid, "uid");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(lastModified, "lastModified");
        if (uid.isBlank()) {
            throw new IllegalArgumentException("uid is blank");
        }
        if (time != null && zone == null) {
            throw new IllegalArgumentException("a timed entry needs a zone: " + uid);
        }
        if (alarmDaysBefore != null && alarmDaysBefore < 0) {
            throw new IllegalArgumentException("alarmDaysBefore is negative: " + uid);
        }
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public boolean allDay() {
        return time == null;
    }
}
