package dev.rapport.directory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.events.ContactEventTypes;
import dev.rapport.local.Tokens;
import dev.rapport.testing.AuthContract;
import dev.rapport.testing.TestEvents;
import dev.rapport.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What every consumer of contact events must do with its contact projection, fed through the real broker:
 * build it from {@code contact.created}, ignore redeliveries and unknown fields, and let no poison message
 * block a partition; and, as every service, refuse every bad token ({@link AuthContract}, on the summary). A service
 * using the contact directory runs it with one {@code @QuarkusTest} class that extends this (from the contact
 * directory's test-jar).
 */
public abstract class ContactProjectionContract extends AuthContract {

    private static final String TOPIC = ContactEventTypes.TOPIC;
    private static final String CREATED = ContactEventTypes.CREATED_V1;
    private static final String UPDATED = ContactEventTypes.UPDATED_V1;
    private static final String DELETED = ContactEventTypes.DELETED_V1;
    private static final String MERGED = ContactEventTypes.MERGED_V1;
    private static final String MERGE_UNDONE = ContactEventTypes.MERGE_UNDONE_V1;
    private static final String RESTORED = ContactEventTypes.RESTORED_V1;
    private static final String SOURCE = ContactEventTypes.SOURCE;
    private static final String WORKSPACE = "projection-" + UUID.randomUUID();
    private static final String OTHER_WORKSPACE = "other-" + UUID.randomUUID();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String kafka;

    @ConfigProperty(name = "rapport.contact-directory.openapi.prefix")
    protected String openApiPrefix;

    @Inject
    protected Flyway flyway;

    @Override
    protected String protectedPath() {
        return summary(UUID.randomUUID().toString());
    }

    /** The summary path of one contact in this service. */
    protected static String summary(String contactId) {
        return ContactFixtures.summaryPath().replace("{contactId}", contactId);
    }

    @Test
    public void contactCreatedEventBuildsTheProjection() {
        String contactId = UUID.randomUUID().toString();
        TestEvents.sendCloudEvent(kafka, TOPIC, WORKSPACE, UUID.randomUUID().toString(), CREATED, SOURCE, contactId,
                createdJson(contactId, "Ada Lovelace"));

        awaitSummary(contactId, "Ada Lovelace");
        given().auth().oauth2(TestTokens.reader(WORKSPACE)).when().get(summary(contactId))
                .then().body("emails[0]", equalTo("ada@example.org"));
    }

    @Test
    public void everyEmailOfAContactIsKeptPrimaryFirst() {
        String contactId = UUID.randomUUID().toString();
        send(contactId, CREATED, stateJson(contactId, "Many Mails", 0, "workspace")
                .replace("[\"ada@example.org\"]", "[\"ada@example.org\",\"ada@work.example\",\"a.l@example.net\"]"));
        awaitSummary(contactId, "Many Mails");
        given().auth().oauth2(TestTokens.reader(WORKSPACE)).get(summary(contactId))
                .then().body("emails", equalTo(List.of("ada@example.org", "ada@work.example", "a.l@example.net")));

        // The whole list is replaced by the next state: a new primary and a removed address.
        send(contactId, UPDATED, stateJson(contactId, "Many Mails Updated", 1, "workspace")
                .replace("[\"ada@example.org\"]", "[\"a.l@example.net\",\"ada@example.org\"]"));
        awaitSummary(contactId, "Many Mails Updated");
        given().auth().oauth2(TestTokens.reader(WORKSPACE)).get(summary(contactId))
                .then().body("emails", equalTo(List.of("a.l@example.net", "ada@example.org")));

        send(contactId, UPDATED, stateJson(contactId, "No Mail", 2, "workspace").replace("[\"ada@example.org\"]", "[]"));
        awaitSummary(contactId, "No Mail");
        given().auth().oauth2(TestTokens.reader(WORKSPACE)).get(summary(contactId))
                .then().body("emails", equalTo(List.of()));
    }

    @Test
    public void tagsAndRelationshipAreKeptAndReplacedByTheNextState() {
        String contactId = UUID.randomUUID().toString();
        send(contactId, CREATED, stateJson(contactId, "Tagged", 0, "workspace")
                .replace("\"version\"", "\"tags\":[\"mentor\",\"london\"],\"relationship\":\"professional\",\"version\""));
        awaitSummary(contactId, "Tagged");
        given().auth().oauth2(TestTokens.reader(WORKSPACE)).get(summary(contactId))
                .then().body("tags", equalTo(List.of("mentor", "london"))).body("relationship", equalTo("professional"));

        // An event from before the fields existed says nothing of them: the contact has none.
        send(contactId, UPDATED, stateJson(contactId, "Tagged Later", 1, "workspace"));
        awaitSummary(contactId, "Tagged Later");
        given().auth().oauth2(TestTokens.reader(WORKSPACE)).get(summary(contactId))
                .then().body("tags", equalTo(List.of())).body("relationship", nullValue());
    }

    @Test
    public void theProducersPublishedExamplesAreUnderstood() throws Exception {
        String contactId = UUID.randomUUID().toString();
        ObjectNode created = example(CREATED, contactId);
        send(contactId, CREATED, created.toString());
        awaitSummary(contactId, created.get("displayName").asText());

        ObjectNode updated = example(UPDATED, contactId);
        updated.put("displayName", "Renamed by the example");
        send(contactId, UPDATED, updated.toString());
        awaitSummary(contactId, "Renamed by the example");
        given().auth().oauth2(TestTokens.reader(WORKSPACE)).get(summary(contactId))
                .then().body("birthday.month", equalTo(updated.path("birthday").path("month").asInt()))
                .body("version", equalTo(updated.path("version").asInt()))
                .body("tags[0]", equalTo(updated.path("tags").path(0).asText()))
                .body("relationship", equalTo(updated.path("relationship").asText()));

        send(contactId, DELETED, example(DELETED, contactId).toString());
        awaitGone(contactId);
    }

    @Test
    public void aMergedContactPointsAtItsSurvivorUntilTheMergeIsUndone() throws Exception {
        String survivorId = UUID.randomUUID().toString();
        String absorbedId = UUID.randomUUID().toString();
        send(survivorId, CREATED, stateJson(survivorId, "Ada Lovelace", 0, "workspace"));
        send(absorbedId, CREATED, stateJson(absorbedId, "A. Lovelace", 2, "workspace"));
        awaitSummary(absorbedId, "A. Lovelace");

        ObjectNode merged = example(MERGED, survivorId);
        merged.remove("contactId");
        merged.put("survivorId", survivorId);
        merged.putArray("absorbedIds").add(absorbedId);
        send(survivorId, MERGED, merged.toString());
        awaitMergedInto(absorbedId, survivorId);

        ObjectNode undone = example(MERGE_UNDONE, survivorId);
        undone.remove("contactId");
        undone.put("survivorId", survivorId);
        ObjectNode restored = ((ObjectNode) undone.withArray("restored").get(0)).put("contactId", absorbedId)
                .put("displayName", "A. Lovelace again");
        restored.putArray("emails").add("ada@example.org").add("countess@example.org");
        send(survivorId, MERGE_UNDONE, undone.toString());
        awaitSummary(absorbedId, "A. Lovelace again");
        given().auth().oauth2(TestTokens.reader(WORKSPACE)).get(summary(absorbedId))
                .then().body("emails", equalTo(List.of("ada@example.org", "countess@example.org")));
        awaitSummary(survivorId, "Ada Lovelace");
    }

    @Test
    public void aMergeSeenBeforeTheAbsorbedContactsOwnEventsStillHolds() {
        String survivorId = UUID.randomUUID().toString();
        String absorbedId = UUID.randomUUID().toString();
        send(survivorId, MERGED, mergedJson(survivorId, absorbedId));
        handledUpTo(survivorId);
        send(absorbedId, CREATED, stateJson(absorbedId, "Late Arrival", 0, "workspace"));
        handledUpTo(absorbedId);
        given().auth().oauth2(TestTokens.reader(WORKSPACE)).redirects().follow(false)
                .get(summary(absorbedId))
                .then().statusCode(308).header("Location", endsWith(summary(survivorId)));
    }

    @Test
    public void anUpdateReplacesTheStateAndAnOlderVersionNeverOverwritesANewerOne() {
        String contactId = UUID.randomUUID().toString();
        send(contactId, CREATED, stateJson(contactId, "Version Zero", 0, "workspace"));
        send(contactId, UPDATED, stateJson(contactId, "Version Two", 2, "workspace"));
        // A late, older state (e.g. from a replay), then the same version again with other content.
        send(contactId, UPDATED, stateJson(contactId, "Version One", 1, "workspace"));
        send(contactId, UPDATED, stateJson(contactId, "Version Two Again", 2, "workspace"));
        handledUpTo(contactId);
        given().auth().oauth2(TestTokens.reader(WORKSPACE)).get(summary(contactId))
                .then().statusCode(200).body("displayName", equalTo("Version Two")).body("version", equalTo(2));

        send(contactId, UPDATED, stateJson(contactId, "Version Three", 3, "workspace"));
        awaitSummary(contactId, "Version Three");
    }

    @Test
    public void aDeletedContactIsErasedAndNothingOlderOrNewerBringsItBack() {
        String contactId = UUID.randomUUID().toString();
        send(contactId, CREATED, stateJson(contactId, "To Be Erased", 0, "workspace"));
        awaitSummary(contactId, "To Be Erased");
        send(contactId, DELETED, deletedJson(contactId, 1));
        send(contactId, UPDATED, stateJson(contactId, "Zombie", 5, "workspace"));
        send(contactId, CREATED, stateJson(contactId, "Zombie", 0, "workspace"));
        handledUpTo(contactId);
        given().auth().oauth2(TestTokens.member(WORKSPACE)).get(summary(contactId))
                .then().statusCode(404);
    }

    @Test
    public void aPrivateContactIsSummarisedOnlyForItsOwner() {
        String contactId = UUID.randomUUID().toString();
        send(contactId, CREATED, stateJson(contactId, "Private Friend", 0, "private"));
        String owner = TestTokens.sign(Tokens.Spec.of(WORKSPACE, "owner-1", "member"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(owner).get(summary(contactId))
                        .then().statusCode(200).body("displayName", equalTo("Private Friend")));
        given().auth().oauth2(TestTokens.member(WORKSPACE)).get(summary(contactId))
                .then().statusCode(404);
    }

    @Test
    public void aRedeliveredEventHasNoSecondEffect() {
        String contactId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        TestEvents.sendCloudEvent(kafka, TOPIC, WORKSPACE, eventId, CREATED, SOURCE, contactId,
                stateJson(contactId, "First", 0, "workspace"));
        awaitSummary(contactId, "First");

        // Same event id with a newer version: only a second application could change the name or the version.
        TestEvents.sendCloudEvent(kafka, TOPIC, WORKSPACE, eventId, CREATED, SOURCE, contactId,
                stateJson(contactId, "Second", 7, "workspace"));
        // Same key, so handled after the redelivery: visible only if the redelivery left version 0 in place.
        send(contactId, UPDATED, stateJson(contactId, "First", 1, "workspace")
                .replace("\"birthday\":null", "\"birthday\":{\"month\":3,\"day\":14}"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.reader(WORKSPACE)).get(summary(contactId))
                        .then().statusCode(200).body("birthday.day", equalTo(14)));
        given().auth().oauth2(TestTokens.reader(WORKSPACE)).when().get(summary(contactId))
                .then().statusCode(200).body("displayName", equalTo("First")).body("version", equalTo(1));
        given().when().get("/q/metrics")
                .then().body(containsString("rapport_events_consumed_total{consumer=\""))
                .body(containsString("outcome=\"duplicate\""));
    }

    @Test
    public void poisonMessagesAreDeadLetteredAndDoNotBlockThePartition() {
        String contactId = UUID.randomUUID().toString();
        String unreadableId = UUID.randomUUID().toString();
        // Same key, so the same partition: the poison comes first and must not hold up the good event.
        TestEvents.sendRaw(kafka, TOPIC, contactId, "this is not a cloud event");
        TestEvents.sendCloudEvent(kafka, TOPIC, WORKSPACE, unreadableId, CREATED, SOURCE, contactId,
                "{\"contactId\": 42");
        TestEvents.sendCloudEvent(kafka, TOPIC, WORKSPACE, UUID.randomUUID().toString(), CREATED, SOURCE, contactId,
                createdJson(contactId, "After the poison"));

        awaitSummary(contactId, "After the poison");
        ConsumerRecord<String, String> notACloudEvent = TestEvents.awaitRecord(kafka, TOPIC + ".dlq",
                r -> contactId.equals(r.key()) && TestEvents.header(r, "ce_id") == null, "not a cloud event", Duration.ofSeconds(20));
        assertEquals("this is not a cloud event", notACloudEvent.value());
        assertNotNull(TestEvents.header(notACloudEvent, "dead-letter-reason"));
        ConsumerRecord<String, String> unreadable = TestEvents.awaitRecord(kafka, TOPIC + ".dlq",
                r -> unreadableId.equals(TestEvents.header(r, "ce_id")), "event " + unreadableId, Duration.ofSeconds(20));
        assertNotNull(TestEvents.header(unreadable, "dead-letter-reason"));
    }

    @Test
    public void anotherWorkspaceNeverSeesTheProjection() {
        String contactId = UUID.randomUUID().toString();
        TestEvents.sendCloudEvent(kafka, TOPIC, WORKSPACE, UUID.randomUUID().toString(), CREATED, SOURCE, contactId,
                createdJson(contactId, "Only in one workspace"));
        awaitSummary(contactId, "Only in one workspace");

        given().auth().oauth2(TestTokens.member(OTHER_WORKSPACE)).when().get(summary(contactId))
                .then().statusCode(404).body("status", equalTo(404));
    }

    @Test
    public void anEventOfAnotherWorkspaceDoesNotTouchThisWorkspacesProjection() {
        String contactId = UUID.randomUUID().toString();
        TestEvents.sendCloudEvent(kafka, TOPIC, WORKSPACE, UUID.randomUUID().toString(), CREATED, SOURCE, contactId,
                createdJson(contactId, "Mine"));
        awaitSummary(contactId, "Mine");

        // Same contact id in another workspace's event: it is that workspace's own row and never renames this one.
        TestEvents.sendCloudEvent(kafka, TOPIC, OTHER_WORKSPACE, UUID.randomUUID().toString(), CREATED, SOURCE,
                contactId, createdJson(contactId, "Theirs"));
        awaitSummary(OTHER_WORKSPACE, contactId, "Theirs");

        given().auth().oauth2(TestTokens.reader(WORKSPACE)).get(summary(contactId))
                .then().statusCode(200).body("displayName", equalTo("Mine"));
    }

    @Test
    public void anErasedContactRestoredIsBackWithTheRestoredStateAndTakesLaterChanges() throws Exception {
        String contactId = UUID.randomUUID().toString();
        send(contactId, CREATED, stateJson(contactId, "Before The Backup", 0, "workspace"));
        send(contactId, UPDATED, stateJson(contactId, "Changed Since", 2, "workspace"));
        send(contactId, DELETED, deletedJson(contactId, 3));
        awaitGone(contactId);

        // The backup held version 1: older than the tombstone, and still the contact's state from now on.
        ObjectNode restored = example(RESTORED, contactId).put("displayName", "Back From The Backup").put("version", 1);
        send(contactId, RESTORED, restored.toString());
        awaitSummary(contactId, "Back From The Backup");
        given().auth().oauth2(TestTokens.reader(WORKSPACE)).get(summary(contactId))
                .then().body("version", equalTo(1))
                .body("emails", equalTo(new ObjectMapper().convertValue(restored.get("emails"), List.class)))
                .body("birthday.day", equalTo(restored.path("birthday").path("day").asInt()));

        // An older state changes nothing now; the contact's next change applies.
        send(contactId, CREATED, stateJson(contactId, "Stale", 0, "workspace"));
        handledUpTo(contactId);
        given().auth().oauth2(TestTokens.reader(WORKSPACE)).get(summary(contactId))
                .then().body("displayName", equalTo("Back From The Backup"));
        send(contactId, UPDATED, stateJson(contactId, "Changed After The Restore", 2, "workspace"));
        awaitSummary(contactId, "Changed After The Restore");
        given().auth().oauth2(TestTokens.reader(WORKSPACE)).get(summary(contactId))
                .then().body("version", equalTo(2));
    }

    /**
     * The restore announces the contacts of the backup, then its merges in force. A contact merged away after the
     * backup was taken is its own again; one absorbed in the backup points at its survivor again.
     */
    @Test
    public void aRestoredContactIsNotMergedAndTheMergesAnnouncedAfterItHold() {
        String survivorId = UUID.randomUUID().toString();
        String separateId = UUID.randomUUID().toString();
        String absorbedId = UUID.randomUUID().toString();
        send(survivorId, CREATED, stateJson(survivorId, "Ada Lovelace", 0, "workspace"));
        send(separateId, CREATED, stateJson(separateId, "Ada L.", 0, "workspace"));
        send(absorbedId, CREATED, stateJson(absorbedId, "A. Lovelace", 0, "workspace"));
        send(survivorId, MERGED, mergedJson(survivorId, separateId, absorbedId));
        awaitMergedInto(separateId, survivorId);
        awaitMergedInto(absorbedId, survivorId);
        send(survivorId, DELETED, deletedJson(survivorId, 2));
        awaitGone(survivorId);

        // The backup: the survivor, the separate contact, and a merge of the absorbed one only.
        send(survivorId, RESTORED, stateJson(survivorId, "Ada Lovelace Restored", 1, "workspace"));
        send(separateId, RESTORED, stateJson(separateId, "Ada L. Restored", 0, "workspace"));
        send(survivorId, MERGED, mergedJson(survivorId, absorbedId));

        awaitSummary(survivorId, "Ada Lovelace Restored");
        awaitSummary(separateId, "Ada L. Restored");
        awaitMergedInto(absorbedId, survivorId);
    }

    /**
     * Contact ids are unique per install, projection rows per workspace: a contact deleted in one workspace and
     * restored into another is a row of its own there, next to the first workspace's tombstone, and each
     * workspace's later events change its own row only.
     */
    @Test
    public void theSameContactRestoredIntoAnotherWorkspaceIsItsOwnThere() {
        String contactId = UUID.randomUUID().toString();
        send(contactId, CREATED, stateJson(contactId, "First Home", 0, "workspace"));
        awaitSummary(contactId, "First Home");
        send(contactId, DELETED, deletedJson(contactId, 1));
        awaitGone(contactId);

        send(OTHER_WORKSPACE, contactId, RESTORED, stateJson(contactId, "Second Home", 0, "workspace"));
        awaitSummary(OTHER_WORKSPACE, contactId, "Second Home");
        send(OTHER_WORKSPACE, contactId, UPDATED, stateJson(contactId, "Second Home Changed", 1, "workspace"));
        awaitSummary(OTHER_WORKSPACE, contactId, "Second Home Changed");
        given().auth().oauth2(TestTokens.reader(WORKSPACE)).get(summary(contactId))
                .then().statusCode(404);

        // Restored into the first workspace too: two live rows, each changed by its own workspace's events only.
        send(contactId, RESTORED, stateJson(contactId, "First Home Back", 0, "workspace"));
        awaitSummary(contactId, "First Home Back");
        send(contactId, UPDATED, stateJson(contactId, "First Home Changed", 5, "workspace"));
        awaitSummary(contactId, "First Home Changed");
        given().auth().oauth2(TestTokens.reader(OTHER_WORKSPACE)).get(summary(contactId))
                .then().statusCode(200).body("displayName", equalTo("Second Home Changed")).body("version", equalTo(1));
        send(OTHER_WORKSPACE, contactId, DELETED, deletedJson(contactId, 2));
        awaitGone(OTHER_WORKSPACE, contactId);
        given().auth().oauth2(TestTokens.reader(WORKSPACE)).get(summary(contactId))
                .then().statusCode(200).body("displayName", equalTo("First Home Changed")).body("version", equalTo(5));
    }

    @Test
    public void anEventWithoutAWorkspaceIsDeadLettered() {
        String contactId = UUID.randomUUID().toString();
        TestEvents.sendCloudEventWithoutWorkspace(kafka, TOPIC, UUID.randomUUID().toString(), CREATED, SOURCE,
                contactId, createdJson(contactId, "Nobody's"));
        ConsumerRecord<String, String> dead = TestEvents.awaitRecord(kafka, TOPIC + ".dlq", contactId, Duration.ofSeconds(20));
        assertNotNull(TestEvents.header(dead, "dead-letter-reason"));
    }

    @Test
    public void theSummaryIsDocumentedUnderThisServicesOwnNames() {
        JsonPath api = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        String operation = "paths.'" + ContactFixtures.summaryPath() + "'.get";
        assertEquals("get" + openApiPrefix + "ContactSummary", api.getString(operation + ".operationId"));
        assertEquals("#/components/schemas/" + openApiPrefix + "ContactSummary",
                api.getString(operation + ".responses.'200'.content.'application/json'.schema.'$ref'"));
        assertTrue(api.getList("components.schemas." + openApiPrefix + "ContactSummary.properties.birthday.anyOf.'$ref'")
                .contains("#/components/schemas/" + openApiPrefix + "ContactBirthday"));
        assertNotNull(api.get("components.schemas." + openApiPrefix + "ContactBirthday"));
        assertFalse(api.getMap("components.schemas").containsKey("ContactSummary"), "the shared name is replaced");
    }

    /**
     * The projection's migrations (db/contact-directory) hold versions 1 to 99 of the service's Flyway history, and
     * may add one after the service's own (db/migration, from 100) ran: the service must migrate out of order.
     */
    @Test
    public void theServicesOwnMigrationsLeaveTheDirectorysVersionsFree() throws IOException, URISyntaxException {
        assertTrue(flyway.getConfiguration().isOutOfOrder(), "quarkus.flyway.out-of-order=true");
        assertTrue(Stream.of(flyway.getConfiguration().getLocations()).anyMatch(l -> l.getPath().equals("db/contact-directory")),
                "db/contact-directory in quarkus.flyway.locations");
        for (URL folder : Collections.list(getClass().getClassLoader().getResources("db/migration"))) {
            if (!"file".equals(folder.getProtocol())) {
                continue;
            }
            try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                files.map(file -> file.getFileName().toString()).filter(name -> name.matches("V\\d+(_\\d+)?__.*"))
                        .forEach(name -> assertTrue(Integer.parseInt(name.substring(1).split("[_.]")[0]) >= 100,
                                name + " takes a version the contact directory keeps for itself (below 100)"));
            }
        }
    }

    @Test
    public void unknownContactIsA404Problem() {
        given().auth().oauth2(TestTokens.reader(WORKSPACE)).when().get(summary(UUID.randomUUID().toString()))
                .then().statusCode(404).body("status", equalTo(404));
    }

    private void send(String contactId, String type, String json) {
        send(WORKSPACE, contactId, type, json);
    }

    private void send(String workspace, String contactId, String type, String json) {
        TestEvents.sendCloudEvent(kafka, TOPIC, workspace, UUID.randomUUID().toString(), type, SOURCE, contactId, json);
    }

    private static String deletedJson(String contactId, long version) {
        return "{\"contactId\":\"" + contactId + "\",\"deletedAt\":\"2026-01-02T00:00:00Z\",\"version\":" + version + "}";
    }

    private static String mergedJson(String survivorId, String... absorbedIds) {
        return "{\"mergeId\":\"" + UUID.randomUUID() + "\",\"survivorId\":\"" + survivorId + "\",\"absorbedIds\":[\""
                + String.join("\",\"", absorbedIds) + "\"],\"mergedBy\":\"owner-1\",\"mergedAt\":\"2026-01-02T00:00:00Z\"}";
    }

    private static void awaitMergedInto(String absorbedId, String survivorId) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.reader(WORKSPACE)).redirects().follow(false)
                        .get(summary(absorbedId))
                        .then().statusCode(308).header("Location", endsWith(summary(survivorId))));
    }

    /** The producer's published example of {@code type} (from the contact-events jar), about {@code contactId}. */
    private static ObjectNode example(String type, String contactId) throws IOException {
        try (InputStream example = ContactProjectionContract.class.getClassLoader()
                .getResourceAsStream(ContactEventTypes.example(type))) {
            assertNotNull(example, "no published example of " + type);
            ObjectNode data = (ObjectNode) new ObjectMapper().readTree(example);
            data.put("contactId", contactId);
            return data;
        }
    }

    protected static String stateJson(String contactId, String displayName, long version, String visibility) {
        return "{\"contactId\":\"" + contactId + "\",\"displayName\":\"" + displayName
                + "\",\"emails\":[\"ada@example.org\"],\"phones\":[],\"birthday\":null,\"ownerId\":\"owner-1\","
                + "\"visibility\":\"" + visibility + "\",\"version\":" + version
                + ",\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\",\"futureField\":1}";
    }

    /**
     * Waits until every event sent so far with this key has been handled: a message without a workspace, on
     * the same partition, is dead-lettered at once, so when it shows in the DLQ everything before it is done.
     */
    private void handledUpTo(String contactId) {
        String markerId = UUID.randomUUID().toString();
        TestEvents.sendCloudEventWithoutWorkspace(kafka, TOPIC, markerId, CREATED, SOURCE, contactId,
                createdJson(contactId, "marker"));
        TestEvents.awaitRecord(kafka, TOPIC + ".dlq", r -> markerId.equals(TestEvents.header(r, "ce_id")),
                "marker " + markerId, Duration.ofSeconds(20));
    }

    protected static void awaitGone(String contactId) {
        awaitGone(WORKSPACE, contactId);
    }

    protected static void awaitGone(String workspace, String contactId) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.reader(workspace)).when().get(summary(contactId))
                        .then().statusCode(404));
    }

    protected static String createdJson(String contactId, String displayName) {
        return "{\"contactId\":\"" + contactId + "\",\"displayName\":\"" + displayName
                + "\",\"emails\":[\"ada@example.org\"],\"createdAt\":\"2026-01-01T00:00:00Z\",\"futureField\":1}";
    }

    protected static void awaitSummary(String contactId, String displayName) {
        awaitSummary(WORKSPACE, contactId, displayName);
    }

    protected static void awaitSummary(String workspace, String contactId, String displayName) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.reader(workspace)).when().get(summary(contactId))
                        .then().statusCode(200).body("displayName", equalTo(displayName)));
    }
}
