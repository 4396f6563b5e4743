package dev.rapport.reminders;

import dev.rapport.events.InteractionEventTypes;
import dev.rapport.testing.TestEvents;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Interaction events on the real broker, shaped as interactions-service's outbox sends them (its published example's fields). */
final class Interactions {

    private final String kafka;
    private final String workspace;

    Interactions(String kafka, String workspace) {
        this.kafka = kafka;
        this.workspace = workspace;
    }

    /** interaction.logged.v1 (version 0) or .updated.v1 (later versions), by the workspace's member. */
    void state(String interactionId, long version, String occurredAt, String timeZone, List<String> participants,
               String followUpDue, String followUpText) {
        state(interactionId, version, occurredAt, timeZone, participants, followUpDue, followUpText, "workspace");
    }

    /** A private interaction (its author's only), logged by the workspace's member. */
    void loggedPrivately(String interactionId, String occurredAt, String... participants) {
        state(interactionId, 0, occurredAt, "UTC", List.of(participants), null, null, "private");
    }

    private void state(String interactionId, long version, String occurredAt, String timeZone, List<String> participants,
                       String followUpDue, String followUpText, String visibility) {
        String followUp = followUpDue == null ? "null"
                : "{\"due\":\"" + followUpDue + "\",\"text\":" + (followUpText == null ? "null" : "\"" + followUpText + "\"") + "}";
        send(interactionId, version == 0 ? InteractionEventTypes.LOGGED_V1 : InteractionEventTypes.UPDATED_V1, """
                {"interactionId":"%s","kind":"call","occurredAt":"%s","timeZone":"%s","durationMinutes":null,
                 "initiatedBy":"me","participants":[%s],"summary":"Caught up","followUp":%s,"tags":[],
                 "visibility":"%s","createdBy":"member-of-%s","source":"manual","version":%d,
                 "createdAt":"2026-11-01T00:00:00Z","updatedAt":"2026-11-01T00:00:00Z","unknownField":true}"""
                .formatted(interactionId, occurredAt, timeZone, quoted(participants), followUp, visibility, workspace, version));
    }

    void logged(String interactionId, String occurredAt, String... participants) {
        state(interactionId, 0, occurredAt, "UTC", List.of(participants), null, null);
    }

    void deleted(String interactionId, long version, String... participants) {
        send(interactionId, InteractionEventTypes.DELETED_V1, """
                {"interactionId":"%s","participants":[%s],"version":%d,"deletedAt":"2026-11-30T00:00:00Z","reason":"deleted"}"""
                .formatted(interactionId, quoted(List.of(participants)), version));
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    private void send(String key, String type, String json) {
        TestEvents.sendCloudEvent(kafka, InteractionEventTypes.TOPIC, workspace, UUID.randomUUID().toString(), type,
                InteractionEventTypes.SOURCE, key, json);
    }

    private static String quoted(List<String> ids) {
        return ids.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(","));
    }
}
