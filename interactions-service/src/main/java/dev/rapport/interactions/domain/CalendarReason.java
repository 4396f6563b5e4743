package dev.rapport.interactions.domain;

/**
 * Why an event (or one occurrence of it) was not imported, as the job reports it.
 *
 * @param reason  {@code no-known-attendee}, {@code cancelled}, {@code no-uid}, {@code unknown-time-zone}, ...
 * @param key     the occurrence ({@code single}, or its original start), null for a whole event
 */
public record CalendarReason(String uid, String key, String summary, String reason, String detail) {

    public static final String NO_KNOWN_ATTENDEE = "no-known-attendee";
    public static final String CANCELLED = "cancelled";
}
