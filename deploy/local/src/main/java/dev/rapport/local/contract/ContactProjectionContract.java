package dev.rapport.local.contract;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.local.TestEvents;
import dev.rapport.local.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * What every consumer of contact events must do with its contact projection, fed through the real broker:
 * build it from {@code contact.created}, ignore redeliveries and unknown fields, and let no poison message
 * block a partition. A service's test extends this with {@code @QuarkusTest}.
 */
public abstract class ContactProjectionContract {

    private static final String TOPIC = "rapport.contacts.v1";
    private static final String CREATED = "dev.rapport.contact.created.v1";
    private static final String SOURCE = "/rapport/contacts-service";
    private static final String WORKSPACE = "projection-" + UUID.randomUUID();
    private static final String OTHER_WORKSPACE = "other-" + UUID.randomUUID();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String kafka;

    @Test
    public void contactCreatedEventBuildsTheProjection() {
        String contactId = UUID.randomUUID().toString();
        TestEvents.sendCloudEvent(kafka, TOPIC, WORKSPACE, UUID.randomUUID().toString(), CREATED, SOURCE, contactId,
                createdJson(contactId, "Ada Lovelace"));

        awaitSummary(contactId, "Ada Lovelace");
        given().auth().oauth2(TestTokens.reader(WORKSPACE)).when().get("/v1/contacts/{id}/summary", contactId)
                .then().body("emails[0]", equalTo("ada@example.org"));
    }

    @Test
    public void theProducersPublishedExampleIsUnderstood() throws Exception {
        Path example = Path.of(System.getProperty("rapport.home", "..")).resolve(
                "contacts-service/src/main/resources/META-INF/resources/events/" + CREATED + ".example.json");
        ObjectNode data = (ObjectNode) new ObjectMapper().readTree(example.toFile());
        String contactId = UUID.randomUUID().toString();
        data.put("contactId", contactId);
        TestEvents.sendCloudEvent(kafka, TOPIC, WORKSPACE, UUID.randomUUID().toString(), CREATED, SOURCE, contactId,
                data.toString());

        awaitSummary(contactId, data.get("displayName").asText());
    }

    @Test
    public void aRedeliveredEventHasNoSecondEffect() {
        String contactId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        TestEvents.sendCloudEvent(kafka, TOPIC, WORKSPACE, eventId, CREATED, SOURCE, contactId, createdJson(contactId, "First"));
        awaitSummary(contactId, "First");

        // Same event id, different content: only a second application could change the name.
        TestEvents.sendCloudEvent(kafka, TOPIC, WORKSPACE, eventId, CREATED, SOURCE, contactId, createdJson(contactId, "Second"));
        String marker = UUID.randomUUID().toString();
        TestEvents.sendCloudEvent(kafka, TOPIC, WORKSPACE, UUID.randomUUID().toString(), CREATED, SOURCE, marker,
                createdJson(marker, "Marker"));
        awaitSummary(marker, "Marker");

        given().auth().oauth2(TestTokens.reader(WORKSPACE)).when().get("/v1/contacts/{id}/summary", contactId)
                .then().statusCode(200).body("displayName", equalTo("First"));
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
        TestEvents.sendCloudEvent(kafka, TOPIC, WORKSPACE, UUID.randomUUID().toString(), CREATED, SOURCE, unreadableId,
                "{\"contactId\": 42");
        TestEvents.sendCloudEvent(kafka, TOPIC, WORKSPACE, UUID.randomUUID().toString(), CREATED, SOURCE, contactId,
                createdJson(contactId, "After the poison"));

        awaitSummary(contactId, "After the poison");
        ConsumerRecord<String, String> notACloudEvent =
                TestEvents.awaitRecord(kafka, TOPIC + ".dlq", contactId, Duration.ofSeconds(20));
        assertEquals("this is not a cloud event", notACloudEvent.value());
        assertNotNull(TestEvents.header(notACloudEvent, "dead-letter-reason"));
        ConsumerRecord<String, String> unreadable =
                TestEvents.awaitRecord(kafka, TOPIC + ".dlq", unreadableId, Duration.ofSeconds(20));
        assertNotNull(TestEvents.header(unreadable, "dead-letter-reason"));
    }

    @Test
    public void anotherWorkspaceNeverSeesTheProjection() {
        String contactId = UUID.randomUUID().toString();
        TestEvents.sendCloudEvent(kafka, TOPIC, WORKSPACE, UUID.randomUUID().toString(), CREATED, SOURCE, contactId,
                createdJson(contactId, "Only in one workspace"));
        awaitSummary(contactId, "Only in one workspace");

        given().auth().oauth2(TestTokens.member(OTHER_WORKSPACE)).when().get("/v1/contacts/{id}/summary", contactId)
                .then().statusCode(404).body("status", equalTo(404));
    }

    @Test
    public void anEventOfAnotherWorkspaceDoesNotTouchThisWorkspacesProjection() {
        String contactId = UUID.randomUUID().toString();
        TestEvents.sendCloudEvent(kafka, TOPIC, WORKSPACE, UUID.randomUUID().toString(), CREATED, SOURCE, contactId,
                createdJson(contactId, "Mine"));
        awaitSummary(contactId, "Mine");

        // Same contact id claimed by another workspace's event: it must not rename this workspace's contact.
        TestEvents.sendCloudEvent(kafka, TOPIC, OTHER_WORKSPACE, UUID.randomUUID().toString(), CREATED, SOURCE,
                contactId, createdJson(contactId, "Hijacked"));
        String marker = UUID.randomUUID().toString();
        TestEvents.sendCloudEvent(kafka, TOPIC, OTHER_WORKSPACE, UUID.randomUUID().toString(), CREATED, SOURCE, marker,
                createdJson(marker, "Marker"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.reader(OTHER_WORKSPACE)).get("/v1/contacts/{id}/summary", marker)
                        .then().statusCode(200));

        given().auth().oauth2(TestTokens.reader(WORKSPACE)).get("/v1/contacts/{id}/summary", contactId)
                .then().statusCode(200).body("displayName", equalTo("Mine"));
        given().auth().oauth2(TestTokens.reader(OTHER_WORKSPACE)).get("/v1/contacts/{id}/summary", contactId)
                .then().statusCode(404);
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
    public void unknownContactIsA404Problem() {
        given().auth().oauth2(TestTokens.reader(WORKSPACE)).when().get("/v1/contacts/{id}/summary", UUID.randomUUID())
                .then().statusCode(404).body("status", equalTo(404));
    }

    protected static String createdJson(String contactId, String displayName) {
        return "{\"contactId\":\"" + contactId + "\",\"displayName\":\"" + displayName
                + "\",\"emails\":[\"ada@example.org\"],\"createdAt\":\"2026-01-01T00:00:00Z\",\"futureField\":1}";
    }

    protected static void awaitSummary(String contactId, String displayName) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.reader(WORKSPACE)).when().get("/v1/contacts/{id}/summary", contactId)
                        .then().statusCode(200).body("displayName", equalTo(displayName)));
    }
}
