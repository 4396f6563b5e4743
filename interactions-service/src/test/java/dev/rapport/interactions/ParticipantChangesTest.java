package dev.rapport.interactions;

import dev.rapport.directory.ContactFixtures;
import dev.rapport.events.InteractionEventTypes;
import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestEvents;
import dev.rapport.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Timelines and figures follow contact merges, their undo and erasure, told by contact events through the broker. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class ParticipantChangesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    String workspace;
    String token;
    ContactFixtures contacts;

    @BeforeEach
    void newWorkspace() {
        workspace = "changes-" + UUID.randomUUID();
        token = TestTokens.member(workspace);
        contacts = new ContactFixtures(kafka, workspace);
    }

    private String log(String at, String initiatedBy, String... contactIds) {
        StringBuilder participants = new StringBuilder();
        for (String id : contactIds) {
            participants.append(participants.isEmpty() ? "" : ",").append("{\"contactId\":\"").append(id).append("\"}");
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"kind\":\"call\",\"occurredAt\":\"" + at + "\",\"initiatedBy\":\"" + initiatedBy
                        + "\",\"participants\":[" + participants + "]}")
                .post("/v1/interactions").then().statusCode(201).extract().path("id");
    }

    private List<String> timeline(String contactId) {
        return given().auth().oauth2(token).get("/v1/contacts/{id}/timeline", contactId).then().statusCode(200)
                .extract().path("items.id");
    }

    @Test
    void aMergedContactsInteractionsJoinTheSurvivorsAndAnUndoPutsBackExactlyWhoWasThere() {
        String ada = contacts.contact("Ada");
        String adaToo = contacts.contact("A. Lovelace");
        String charles = contacts.contact("Charles");
        String both = log("2026-10-01T09:00:00Z", "me", ada, adaToo);
        String onlyToo = log("2026-10-02T09:00:00Z", "them", adaToo, charles);
        String onlyAda = log("2026-10-03T09:00:00Z", "me", ada);

        contacts.merge(ada, adaToo);
        contacts.awaitStatus(adaToo, 308);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertEquals(List.of(onlyAda, onlyToo, both), timeline(ada)));
        // Counted once where both were there; the absorbed contact's pages lead to the survivor.
        given().auth().oauth2(token).get("/v1/interactions/{id}", both).then()
                .body("participants.contactId", equalTo(List.of(ada))).body("version", equalTo(1));
        given().auth().oauth2(token).get("/v1/interactions/{id}", onlyToo).then()
                .body("participants.contactId", equalTo(List.of(ada, charles)));
        given().auth().oauth2(token).redirects().follow(false).get("/v1/contacts/{id}/timeline", adaToo).then()
                .statusCode(308).header("Location", endsWith("/v1/contacts/" + ada + "/timeline"));
        given().auth().oauth2(token).get("/v1/contacts/{id}/stats", ada).then()
                .body("total", equalTo(3)).body("first.at", equalTo("2026-10-01T09:00:00Z"))
                .body("last.at", equalTo("2026-10-03T09:00:00Z")).body("last.kind", equalTo("call"))
                .body("lastInitiatedByThem", equalTo("2026-10-02T09:00:00Z"))
                .body("lastInitiatedByMe", equalTo("2026-10-03T09:00:00Z"));
        ConsumerRecord<String, String> repointed = TestEvents.awaitRecord(kafka, InteractionEventTypes.TOPIC,
                r -> r.key().equals(onlyToo) && InteractionEventTypes.UPDATED_V1.equals(TestEvents.header(r, "ce_type")),
                "the update of " + onlyToo, Duration.ofSeconds(20));
        assertEquals(List.of(ada, charles), io.restassured.path.json.JsonPath.from(repointed.value()).getList("participants"));

        contacts.undoMerge(ada, adaToo, "A. Lovelace", 3);
        contacts.awaitStatus(adaToo, 200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(List.of(onlyAda, both), timeline(ada)));
        assertEquals(List.of(onlyToo, both), timeline(adaToo));
        given().auth().oauth2(token).get("/v1/interactions/{id}", both).then()
                .body("participants.contactId", equalTo(List.of(ada, adaToo)));
        given().auth().oauth2(token).get("/v1/interactions/{id}", onlyToo).then()
                .body("participants.contactId", equalTo(List.of(adaToo, charles)));
        given().auth().oauth2(token).get("/v1/contacts/{id}/stats", adaToo).then().body("total", equalTo(2));
    }

    @Test
    void anErasedContactLeavesEveryInteractionAndOneLeftWithNobodyIsErasedToo() {
        String ada = contacts.contact("Ada");
        String charles = contacts.contact("Charles");
        String withBoth = log("2026-10-01T09:00:00Z", "me", ada, charles);
        String onlyAda = log("2026-10-02T09:00:00Z", "me", ada);

        contacts.delete(ada, 1);
        contacts.awaitStatus(ada, 404);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(token).get("/v1/interactions/{id}", onlyAda).then().statusCode(404));
        given().auth().oauth2(token).get("/v1/interactions/{id}", withBoth).then().statusCode(200)
                .body("participants.contactId", equalTo(List.of(charles)));
        given().auth().oauth2(token).get("/v1/interactions").then().body("items", hasSize(1));
        given().auth().oauth2(token).get("/v1/contacts/{id}/timeline", ada).then().statusCode(404);
        ConsumerRecord<String, String> erased = TestEvents.awaitRecord(kafka, InteractionEventTypes.TOPIC,
                r -> r.key().equals(onlyAda) && InteractionEventTypes.DELETED_V1.equals(TestEvents.header(r, "ce_type")),
                "the erasure of " + onlyAda, Duration.ofSeconds(20));
        assertEquals("participants-erased", io.restassured.path.json.JsonPath.from(erased.value()).getString("reason"));
        assertEquals(List.of(), io.restassured.path.json.JsonPath.from(erased.value()).getList("participants"));
        assertEquals(workspace, TestEvents.header(erased, "ce_workspaceid"));
    }

    @Test
    void theLostTouchListRanksContactsByTheirLastInteractionNeverFirst() {
        String ada = contacts.contact("Ada", "workspace", "member-of-" + workspace, List.of("mentor"), "professional");
        String charles = contacts.contact("Charles", "workspace", "member-of-" + workspace, List.of("mentor"), "personal");
        String grace = contacts.contact("Grace", "workspace", "member-of-" + workspace, List.of(), "professional");
        String hidden = contacts.contact("Hidden", "private", "other-member-of-" + workspace, List.of("mentor"), null);
        log("2026-06-01T09:00:00Z", "me", ada);
        String lastWithAda = log("2026-09-01T09:00:00Z", "me", ada);
        log("2026-03-01T09:00:00Z", "me", charles);
        log("2999-01-01T09:00:00Z", "me", charles);

        given().auth().oauth2(token).get("/v1/interactions/stats").then().statusCode(200)
                .body("items.contactId", equalTo(List.of(grace, charles, ada)))
                .body("items[0].lastInteractionAt", equalTo(null))
                .body("items[1].lastInteractionAt", equalTo("2026-03-01T09:00:00Z"))
                .body("items[2].lastInteractionId", equalTo(lastWithAda))
                .body("items[2].displayName", equalTo("Ada"));
        given().auth().oauth2(token).get("/v1/interactions/stats?tag=mentor").then()
                .body("items.contactId", equalTo(List.of(charles, ada)));
        given().auth().oauth2(token).get("/v1/interactions/stats?relationship=professional").then()
                .body("items.contactId", equalTo(List.of(grace, ada)));
        String next = given().auth().oauth2(token).get("/v1/interactions/stats?limit=1").then()
                .body("items.contactId", equalTo(List.of(grace))).extract().path("nextCursor");
        String after = given().auth().oauth2(token).get("/v1/interactions/stats?limit=1&cursor=" + next).then()
                .body("items.contactId", equalTo(List.of(charles))).extract().path("nextCursor");
        given().auth().oauth2(token).get("/v1/interactions/stats?limit=1&cursor=" + after).then()
                .body("items.contactId", equalTo(List.of(ada)));
        given().auth().oauth2(TestTokens.otherMember(workspace)).get("/v1/interactions/stats?tag=mentor").then()
                .body("items.contactId", equalTo(List.of(hidden, charles, ada)));
        given().auth().oauth2(token).get("/v1/interactions/stats?relationship=cousin").then().statusCode(422);
    }
}
