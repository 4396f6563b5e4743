package dev.rapport.interactions.mapping.calendar;

/**
 * A VEVENT the reader could not turn into occurrences, and why. Details name the offending value (a TZID, a rule)
 * but never the library's internals, so they can be shown to the user.
 *
 * @param uid     null when the event has none
 * @param summary null when the event has none
 */
public record SkippedEntry(String uid, String summary, Reason reason, String detail) {

    public enum Reason {
        NO_UID,
        DUPLICATE_UID,
        NO_START,
        UNREADABLE_START,
        UNKNOWN_TIME_ZONE,
        UNREADABLE_RECURRENCE
    }
}
