package dev.rapport.interactions;

import dev.rapport.directory.ContactFixtures;
import dev.rapport.events.ReminderEventTypes;
import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestEvents;
import dev.rapport.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A reminder completed with "log this" (reminder.completed.v1) is logged here once, as its user. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class ReminderCompletionTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aCompletionAskedToBeLoggedIsLoggedOnceUnderItsId() {
        String workspace = "completion-" + UUID.randomUUID();
        ContactFixtures contacts = new ContactFixtures(kafka, workspace);
        String ada = contacts.contact("Ada");
        String secret = contacts.contact("Secret", "private", "other-member-of-" + workspace, List.of(), null);
        String interaction = UUID.randomUUID().toString();
        String reminder = UUID.randomUUID().toString();
        String completed = completion(reminder, interaction, workspace, ada);
        send(workspace, reminder, completed);
        send(workspace, reminder, completed);
        // Not the author's to see: nothing to log with.
        String hidden = UUID.randomUUID().toString();
        send(workspace, reminder, completion(reminder, hidden, workspace, secret));
        // The same reminder completed without asking: nothing is logged.
        send(workspace, reminder, completed.replaceFirst("(?s)\"logInteraction\":\\{.*\\},\"version\"", "\"logInteraction\":null,\"version\""));

        String token = TestTokens.member(workspace);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().auth().oauth2(token).get("/v1/interactions/{id}", interaction).then().statusCode(200)
                        .body("kind", equalTo("call")).body("summary", equalTo("Sent the paper"))
                        .body("createdBy", equalTo("member-of-" + workspace)).body("timeZone", equalTo("Europe/Paris"))
                        .body("participants[0].contactId", equalTo(ada)).body("initiatedBy", equalTo("them")));
        // A marker after the rest: once it is in, the earlier events were applied.
        String marker = UUID.randomUUID().toString();
        send(workspace, reminder, completion(reminder, marker, workspace, ada));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                given().auth().oauth2(token).get("/v1/interactions/{id}", marker).statusCode() == 200);
        given().auth().oauth2(TestTokens.otherMember(workspace)).get("/v1/interactions/{id}", hidden).then().statusCode(404);
        List<String> logged = given().auth().oauth2(token).queryParam("contact", ada).get("/v1/interactions").path("items.id");
        assertEquals(2, logged.size(), "once each: " + logged);
    }

    private static String completion(String reminder, String interaction, String workspace, String contact) {
        return """
                {"reminderId":"%s","kind":"one-off","contactId":"%s","ownerId":"member-of-%s","text":"Paper",
                 "due":"2026-12-04","dueTime":null,"timeZone":null,"dueAt":"2026-12-04T00:00:00Z","snoozedUntil":null,
                 "every":null,"lastInteractionOn":null,"status":"completed","originInteractionId":null,
                 "completedAt":"2026-12-02T10:00:00Z","logInteraction":{"interactionId":"%s","kind":"call",
                 "occurredAt":"2026-12-01T17:00:00Z","timeZone":"Europe/Paris","summary":"Sent the paper",
                 "initiatedBy":"them","participants":["%s"],"createdBy":"member-of-%s"},"version":1,
                 "updatedAt":"2026-12-02T10:00:00Z"}""".formatted(reminder, contact, workspace, interaction, contact, workspace);
    }

    private void send(String workspace, String reminder, String json) {
        TestEvents.sendCloudEvent(kafka, ReminderEventTypes.TOPIC, workspace, UUID.randomUUID().toString(),
                ReminderEventTypes.COMPLETED_V1, ReminderEventTypes.SOURCE, reminder, json);
    }
}
