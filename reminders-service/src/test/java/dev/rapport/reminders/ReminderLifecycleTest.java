package dev.rapport.reminders;

import dev.rapport.directory.ContactFixtures;
import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** One-off reminders, follow-ups from interaction events, and snooze / complete / dismiss. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class ReminderLifecycleTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    String workspace;
    ContactFixtures contacts;
    Interactions interactions;

    @BeforeEach
    void newWorkspace() {
        workspace = "life-" + UUID.randomUUID();
        contacts = new ContactFixtures(kafka, workspace);
        interactions = new Interactions(kafka, workspace);
    }

    Response create(String json) {
        return given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON).body(json).post("/v1/reminders");
    }

    static String today(int plusDays) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(plusDays).toString();
    }

    @Test
    void aOneOffReminderIsCreatedReadChangedAndDeleted() {
        String ada = contacts.contact("Ada Lovelace");
        Response created = create("{\"text\":\"Send Ada the paper\",\"due\":\"2027-01-15\",\"time\":\"09:30\","
                + "\"timeZone\":\"Europe/Paris\",\"contactId\":\"" + ada + "\"}");
        created.then().statusCode(201).header("ETag", "\"0\"")
                .body("kind", equalTo("one-off")).body("contactName", equalTo("Ada Lovelace"))
                .body("dueAt", equalTo("2027-01-15T08:30:00Z")).body("ownerId", equalTo("member-of-" + workspace))
                .body("status", equalTo("open"));
        String id = created.path("id");
        given().auth().oauth2(TestTokens.otherMember(workspace)).get("/v1/reminders/{id}", id).then().statusCode(404);
        given().auth().oauth2(TestTokens.member("elsewhere-" + workspace)).get("/v1/reminders/{id}", id).then().statusCode(404);

        given().auth().oauth2(TestTokens.member(workspace)).contentType("application/merge-patch+json")
                .body("{\"time\":null,\"timeZone\":null}").patch("/v1/reminders/{id}", id).then().statusCode(428);
        given().auth().oauth2(TestTokens.member(workspace)).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"time\":null,\"timeZone\":null}").patch("/v1/reminders/{id}", id).then().statusCode(200)
                .body("time", nullValue()).body("dueAt", equalTo("2027-01-15T00:00:00Z")).header("ETag", "\"1\"");
        given().auth().oauth2(TestTokens.member(workspace)).header("If-Match", "\"0\"")
                .delete("/v1/reminders/{id}", id).then().statusCode(412);
        given().auth().oauth2(TestTokens.member(workspace)).header("If-Match", "\"1\"")
                .delete("/v1/reminders/{id}", id).then().statusCode(204);
        given().auth().oauth2(TestTokens.member(workspace)).get("/v1/reminders/{id}", id).then().statusCode(404);
    }

    @Test
    void badRemindersAreRefusedWithEveryReasonAndNothingWritten() {
        create("{\"text\":\"\",\"due\":\"2027-02-30\",\"time\":\"25:00\",\"timeZone\":\"Mars/Olympus\",\"every\":\"sometimes\","
                + "\"contactId\":\"" + UUID.randomUUID() + "\"}")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("text", "due", "time", "timeZone", "every"));
        create("{\"text\":\"x\",\"due\":\"2027-01-01\",\"colour\":\"red\"}").then().statusCode(422);
        create("{\"text\":\"x\",\"due\":\"2027-01-01\",\"contactId\":\"" + UUID.randomUUID() + "\"}").then().statusCode(422)
                .body("violations[0].field", equalTo("contactId"));
        create("{\"text\":\"x\",\"due\":\"2027-01-01\",\"timeZone\":\"Europe/Paris\"}").then().statusCode(422)
                .body("violations[0].field", equalTo("timeZone"));
        create("{\"text\":").then().statusCode(400);
        given().auth().oauth2(TestTokens.reader(workspace)).contentType(ContentType.JSON)
                .body("{\"text\":\"x\",\"due\":\"2027-01-01\"}").post("/v1/reminders").then().statusCode(403);
        given().auth().oauth2(TestTokens.member(workspace)).get("/v1/reminders").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void anIdempotencyKeyCreatesOneReminder() {
        String body = "{\"text\":\"Call mum\",\"due\":\"2027-01-01\"}";
        String first = given().auth().oauth2(TestTokens.member(workspace)).header("Idempotency-Key", "k1")
                .contentType(ContentType.JSON).body(body).post("/v1/reminders").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.member(workspace)).header("Idempotency-Key", "k1")
                .contentType(ContentType.JSON).body(body).post("/v1/reminders").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        List<String> ids = given().auth().oauth2(TestTokens.member(workspace)).get("/v1/reminders").path("items.id");
        assertEquals(List.of(first), ids);
    }

    @Test
    void snoozeCompleteAndDismissFollowTheKindOfReminder() {
        String once = create("{\"text\":\"Once\",\"due\":\"" + today(-3) + "\"}").path("id");
        given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON).body("{\"until\":\"" + today(-5) + "\"}")
                .post("/v1/reminders/{id}/snooze", once).then().statusCode(422);
        given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON).body("{\"until\":\"" + today(4) + "\"}")
                .post("/v1/reminders/{id}/snooze", once).then().statusCode(200)
                .body("due", equalTo(today(4))).body("snoozedUntil", equalTo(today(4)));
        given().auth().oauth2(TestTokens.member(workspace)).post("/v1/reminders/{id}/complete", once).then().statusCode(200)
                .body("reminder.status", equalTo("completed")).body("reminder.completedAt", org.hamcrest.Matchers.notNullValue())
                .body("loggedInteractionId", nullValue());
        given().auth().oauth2(TestTokens.member(workspace)).post("/v1/reminders/{id}/dismiss", once).then().statusCode(409);

        // Repeating: done rolls it to its next day after today, and it stays open.
        String weekly = create("{\"text\":\"Weekly\",\"due\":\"" + today(-15) + "\",\"every\":\"P1W\"}").path("id");
        given().auth().oauth2(TestTokens.member(workspace)).post("/v1/reminders/{id}/complete", weekly).then().statusCode(200)
                .body("reminder.status", equalTo("open")).body("reminder.due", equalTo(today(6)));
        given().auth().oauth2(TestTokens.member(workspace)).post("/v1/reminders/{id}/dismiss", weekly).then().statusCode(200)
                .body("status", equalTo("open")).body("due", equalTo(today(13)));

        // Keep-in-touch: done counts from today, without pretending an interaction happened.
        String ada = contacts.contact("Ada");
        given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON)
                .body("{\"contactId\":\"" + ada + "\",\"every\":\"P30D\"}").post("/v1/cadences").then().statusCode(201);
        interactions.logged(Interactions.newId(), "2026-01-01T10:00:00Z", ada);
        await().atMost(Duration.ofSeconds(30)).until(() -> "2026-01-31".equals(keepInTouch(ada).path("items[0].due")));
        String keep = keepInTouch(ada).path("items[0].id");
        given().auth().oauth2(TestTokens.member(workspace)).post("/v1/reminders/{id}/complete", keep).then().statusCode(200)
                .body("reminder.status", equalTo("open")).body("reminder.due", equalTo(today(30)))
                .body("reminder.lastInteractionOn", equalTo("2026-01-01"));
        given().auth().oauth2(TestTokens.member(workspace)).header("If-Match", "\"9\"")
                .delete("/v1/reminders/{id}", keep).then().statusCode(412);
        given().auth().oauth2(TestTokens.member(workspace)).header("If-Match", "\"2\"")
                .delete("/v1/reminders/{id}", keep).then().statusCode(409);
    }

    @Test
    void aTimeWithoutAZoneIsInTheUsersZoneAndARepeatEndsAtTheLastDay() {
        given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON)
                .body("{\"timeZone\":\"Pacific/Auckland\",\"birthdayLeadDays\":7}").put("/v1/reminder-settings").then().statusCode(200);
        String call = create("{\"text\":\"Call\",\"due\":\"2026-12-04\",\"time\":\"09:30\"}").then().statusCode(201)
                .body("timeZone", equalTo("Pacific/Auckland")).body("dueAt", equalTo("2026-12-03T20:30:00Z")).extract().path("id");
        given().auth().oauth2(TestTokens.member(workspace)).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"time\":null}").patch("/v1/reminders/{id}", call).then().statusCode(200)
                .body("time", nullValue()).body("timeZone", nullValue()).body("dueAt", equalTo("2026-12-03T11:00:00Z"));
        given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON).body("{\"until\":\"2026-12-04\"}")
                .post("/v1/reminders/{id}/snooze", call).then().statusCode(422);

        String last = create("{\"text\":\"Daily\",\"due\":\"9999-12-31\",\"every\":\"P1D\"}").path("id");
        given().auth().oauth2(TestTokens.member(workspace)).post("/v1/reminders/{id}/complete", last).then().statusCode(200)
                .body("reminder.status", equalTo("completed")).body("reminder.due", equalTo("9999-12-31"));
        given().auth().oauth2(TestTokens.member(workspace)).get("/v1/agenda?date=9999-12-30&days=2").then().statusCode(200);
    }

    @Test
    void anInteractionsFollowUpBecomesAReminderThatFollowsItsEdits() {
        String ada = contacts.contact("Ada");
        String meeting = Interactions.newId();
        interactions.state(meeting, 0, "2026-11-30T10:00:00Z", "UTC", List.of(ada), "2026-12-04", "Send the paper");
        await().atMost(Duration.ofSeconds(30)).until(() -> followUps().size() == 1);
        followUp().then().body("items[0].text", equalTo("Send the paper")).body("items[0].due", equalTo("2026-12-04"))
                .body("items[0].contactId", equalTo(ada)).body("items[0].originInteractionId", equalTo(meeting));
        String reminder = followUp().path("items[0].id");

        interactions.state(meeting, 1, "2026-11-30T10:00:00Z", "UTC", List.of(ada), "2026-12-08", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> "2026-12-08".equals(followUp().path("items[0].due")));
        followUp().then().body("items[0].id", equalTo(reminder)).body("items[0].text", equalTo("Caught up"));

        // Completed, the record stays when the interaction goes.
        given().auth().oauth2(TestTokens.member(workspace)).post("/v1/reminders/{id}/complete", reminder).then().statusCode(200);
        interactions.deleted(meeting, 2, ada);
        String other = Interactions.newId();
        interactions.state(other, 0, "2026-11-30T10:00:00Z", "UTC", List.of(ada), "2026-12-10", "Other");
        await().atMost(Duration.ofSeconds(30)).until(() -> followUps().size() == 2);
        given().auth().oauth2(TestTokens.member(workspace)).get("/v1/reminders/{id}", reminder).then().statusCode(200)
                .body("status", equalTo("completed"));

        // An open one goes with its promise.
        interactions.state(other, 1, "2026-11-30T10:00:00Z", "UTC", List.of(ada), null, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> followUps().size() == 1);
    }

    @Test
    void completingCanAskForTheInteractionThatDidItToBeLogged() throws Exception {
        String ada = contacts.contact("Ada");
        String paper = create("{\"text\":\"Paper\",\"due\":\"2027-01-01\",\"contactId\":\"" + ada + "\"}").path("id");
        String alone = create("{\"text\":\"Alone\",\"due\":\"2027-01-01\"}").path("id");
        given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON)
                .body("{\"logInteraction\":{\"kind\":\"dance\",\"initiatedBy\":\"x\",\"occurredAt\":\"yesterday\",\"timeZone\":\"Nowhere\"}}")
                .post("/v1/reminders/{id}/complete", paper).then().statusCode(422)
                .body("violations.field", containsInAnyOrder("logInteraction.kind", "logInteraction.initiatedBy",
                        "logInteraction.occurredAt", "logInteraction.timeZone"));
        given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON)
                .body("{\"logInteraction\":{\"kind\":\"call\"}}")
                .post("/v1/reminders/{id}/complete", alone).then().statusCode(422);
        given().auth().oauth2(TestTokens.member(workspace)).get("/v1/reminders/{id}", paper).then().body("status", equalTo("open"));

        String interaction = given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON)
                .body("{\"logInteraction\":{\"kind\":\"call\",\"summary\":\"Sent it\",\"occurredAt\":\"2026-12-01T18:00:00+01:00\",\"timeZone\":\"Europe/Paris\"}}")
                .post("/v1/reminders/{id}/complete", paper).then().statusCode(200)
                .body("reminder.status", equalTo("completed")).extract().path("loggedInteractionId");
        var completed = dev.rapport.testing.TestEvents.awaitRecord(kafka, dev.rapport.events.ReminderEventTypes.TOPIC,
                r -> paper.equals(r.key()) && dev.rapport.events.ReminderEventTypes.COMPLETED_V1.equals(
                        dev.rapport.testing.TestEvents.header(r, "ce_type")), "completion of " + paper, Duration.ofSeconds(30));
        var logged = new com.fasterxml.jackson.databind.ObjectMapper().readTree(completed.value()).get("logInteraction");
        assertEquals(interaction, logged.get("interactionId").asText());
        assertEquals("call", logged.get("kind").asText());
        assertEquals("2026-12-01T17:00:00Z", logged.get("occurredAt").asText());
        assertEquals("Europe/Paris", logged.get("timeZone").asText());
        assertEquals("me", logged.get("initiatedBy").asText());
        assertEquals(ada, logged.get("participants").get(0).asText());
        assertEquals("member-of-" + workspace, logged.get("createdBy").asText());
    }

    Response keepInTouch(String contactId) {
        return given().auth().oauth2(TestTokens.member(workspace)).queryParam("contact", contactId)
                .queryParam("kind", "keep-in-touch").get("/v1/reminders");
    }

    Response followUp() {
        return given().auth().oauth2(TestTokens.member(workspace)).queryParam("kind", "follow-up")
                .queryParam("status", "open").get("/v1/reminders");
    }

    List<Object> followUps() {
        return given().auth().oauth2(TestTokens.member(workspace)).queryParam("kind", "follow-up")
                .get("/v1/reminders").path("items");
    }
}
