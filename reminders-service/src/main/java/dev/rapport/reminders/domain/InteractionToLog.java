package dev.rapport.reminders.domain;

import java.time.Instant;
import java.time.ZoneId;

/** What a user asked to log when completing a reminder: interactions-service logs it (see ReminderEvents.completed). */
public record InteractionToLog(String kind, Instant occurredAt, ZoneId timeZone, String summary, String initiatedBy) {

    public static final java.util.List<String> KINDS = java.util.List.of("meeting", "call", "video_call", "email", "message",
            "social", "event", "note");
    public static final java.util.List<String> INITIATORS = java.util.List.of("me", "them", "mutual");
}
