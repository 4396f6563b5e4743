package dev.rapport.interactions.mapping.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One meeting as it happened (or was planned) on the time line: a single event, or one occurrence of a series.
 *
 * @param uid            the event's UID, shared by every occurrence of a series
 * @param occurrenceKey  {@link #SINGLE} for a single event; for an occurrence of a series its original start (the
 *                       RECURRENCE-ID an override would carry) as a UTC instant ({@code 2026-11-02T14:00:00Z}) or,
 *                       for all-day series, the date ({@code 2026-11-05}). It does not change when the occurrence is
 *                       moved, so (uid, occurrenceKey) identifies the occurrence across re-imports.
 * @param end            null when the event has neither DTEND nor DURATION
 * @param allDayDate     the date of an all-day occurrence, null otherwise; {@code start} is then that date's midnight
 *                       in the window's floating zone
 * @param timeZone       the IANA zone the event was written in ("UTC" for Z times, the window's floating zone for
 *                       floating times and all-day dates)
 * @param organizerEmail lower-cased, null when there is no mailto: organizer
 * @param attendeeEmails lower-cased, distinct, in file order, without the organizer and without rooms/resources
 * @param cancelled      STATUS:CANCELLED on the series or on this occurrence's override: the caller removes it
 * @param lastModified   null when absent
 */
public record CalendarOccurrence(
        String uid,
        String occurrenceKey,
        Instant start,
        Instant end,
        boolean allDay,
        LocalDate allDayDate,
        String timeZone,
        String summary,
        String description,
        String location,
        String organizerEmail,
        List<String> attendeeEmails,
        boolean cancelled,
        int sequence,
        Instant lastModified) {

    public static final String SINGLE = "single";

    public CalendarOccurrence {
        attendeeEmails = List.copyOf(attendeeEmails);
    }

    public boolean recurring() {
        return !SINGLE.equals(occurrenceKey);
    }
}
