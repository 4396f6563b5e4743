package dev.rapport.directory;

import dev.rapport.directory.rest.ContactSummaryResource;
import dev.rapport.events.ContactEventTypes;
import dev.rapport.testing.TestEvents;
import dev.rapport.testing.TestTokens;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/**
 * Contacts as a service of the contact directory (interactions, reminders) learns of them: contact events sent through the real broker, awaited until the
 * projection holds them (its summary answers as expected).
 */
public final class ContactFixtures {

    private final String kafka;
    private final String workspace;

    public ContactFixtures(String kafka, String workspace) {
        this.kafka = kafka;
        this.workspace = workspace;
    }

    public String contact(String name, String... emails) {
        return contact(name, "workspace", "member-of-" + workspace, List.of(), null, emails);
    }

    public String contact(String name, String visibility, String owner, List<String> tags, String relationship, String... emails) {
        String id = UUID.randomUUID().toString();
        send(id, ContactEventTypes.CREATED_V1, state(id, name, 0, visibility, owner, tags, relationship, null, emails));
        awaitKnown(id);
        return id;
    }

    /** A contact with a birthday: {@code birthday} as the event carries it, e.g. {@code {"month":2,"day":29,"year":null}}. */
    public String contactBornOn(String name, List<String> tags, String birthday) {
        String id = UUID.randomUUID().toString();
        send(id, ContactEventTypes.CREATED_V1, state(id, name, 0, "workspace", "member-of-" + workspace, tags, null, birthday));
        awaitKnown(id);
        return id;
    }

    /** A new state of a contact (tags included), awaited by the caller. */
    public void update(String id, String name, long version, List<String> tags) {
        send(id, ContactEventTypes.UPDATED_V1, state(id, name, version, "workspace", "member-of-" + workspace, tags, null, null));
    }

    /** A known contact as a restore announces it in this workspace (contact.restored.v1), awaited. */
    public void announce(String id, String name) {
        send(id, ContactEventTypes.RESTORED_V1, state(id, name, 0, "workspace", "member-of-" + workspace, List.of(), null, null));
        awaitKnown(id);
    }

    public void update(String id, String name, long version, String visibility, String owner, String... emails) {
        send(id, ContactEventTypes.UPDATED_V1, state(id, name, version, visibility, owner, List.of(), null, null, emails));
    }

    public void merge(String survivorId, String... absorbedIds) {
        send(survivorId, ContactEventTypes.MERGED_V1, "{\"mergeId\":\"" + UUID.randomUUID() + "\",\"survivorId\":\"" + survivorId
                + "\",\"absorbedIds\":[\"" + String.join("\",\"", absorbedIds)
                + "\"],\"mergedBy\":\"u\",\"mergedAt\":\"2026-01-02T00:00:00Z\"}");
    }

    public void undoMerge(String survivorId, String absorbedId, String absorbedName, long version) {
        send(survivorId, ContactEventTypes.MERGE_UNDONE_V1, "{\"mergeId\":\"" + UUID.randomUUID() + "\",\"survivorId\":\""
                + survivorId + "\",\"restored\":[" + state(absorbedId, absorbedName, version, "workspace",
                "member-of-" + workspace, List.of(), null, null) + "],\"undoneAt\":\"2026-01-03T00:00:00Z\"}");
    }

    public void delete(String id, long version) {
        send(id, ContactEventTypes.DELETED_V1, "{\"contactId\":\"" + id + "\",\"deletedAt\":\"2026-01-04T00:00:00Z\",\"version\":"
                + version + "}");
    }

    /** Waits until the projection holds the contact (private ones are checked with their owner's token). */
    public void awaitKnown(String id) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                given().auth().oauth2(TestTokens.otherMember(workspace)).redirects().follow(false)
                        .get(summaryPath(), id).statusCode() != 404
                        || given().auth().oauth2(TestTokens.member(workspace)).redirects().follow(false)
                        .get(summaryPath(), id).statusCode() != 404);
    }

    /** Waits until the contact's summary answers {@code status} (200 known, 308 merged, 404 erased) to the workspace's member. */
    public void awaitStatus(String id, int status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                given().auth().oauth2(TestTokens.member(workspace)).redirects().follow(false)
                        .get(summaryPath(), id).statusCode() == status);
    }

    private void send(String key, String type, String json) {
        TestEvents.sendCloudEvent(kafka, ContactEventTypes.TOPIC, workspace, UUID.randomUUID().toString(), type,
                ContactEventTypes.SOURCE, key, json);
    }

    private static String state(String id, String name, long version, String visibility, String owner, List<String> tags,
                                String relationship, String birthday, String... emails) {
        return "{\"contactId\":\"" + id + "\",\"displayName\":\"" + name + "\",\"emails\":["
                + (emails.length == 0 ? "" : "\"" + String.join("\",\"", emails) + "\"")
                + "],\"phones\":[],\"birthday\":" + birthday + ",\"ownerId\":\"" + owner + "\",\"visibility\":\"" + visibility
                + "\",\"tags\":[" + (tags.isEmpty() ? "" : "\"" + String.join("\",\"", tags) + "\"") + "],\"relationship\":"
                + (relationship == null ? "null" : "\"" + relationship + "\"") + ",\"version\":" + version
                + ",\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\"}";
    }

    /** This service's summary path template ({@link ContactSummaryResource#path(String)}). */
    public static String summaryPath() {
        return ContactSummaryResource.path(ConfigProvider.getConfig().getValue("quarkus.application.name", String.class));
    }
}
