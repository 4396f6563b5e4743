package dev.rapport.reminders;

import dev.rapport.directory.ContactFixtures;
import dev.rapport.kit.tenancy.WorkspaceContext;
import dev.rapport.reminders.domain.InteractionTouch;
import dev.rapport.reminders.service.InteractionTouches;
import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Cadences and the keep-in-touch days interaction events give them, on the real database and broker. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class KeepInTouchTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    InteractionTouches touches;

    @Inject
    WorkspaceContext workspaces;

    String workspace;
    ContactFixtures contacts;
    Interactions interactions;

    @BeforeEach
    void newWorkspace() {
        workspace = "keep-" + java.util.UUID.randomUUID();
        contacts = new ContactFixtures(kafka, workspace);
        interactions = new Interactions(kafka, workspace);
    }

    String cadence(String json) {
        return given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON).body(json)
                .post("/v1/cadences").then().statusCode(201).extract().path("id");
    }

    /** The contact's keep-in-touch day, or null without one. */
    String due(String contactId) {
        List<String> due = given().auth().oauth2(TestTokens.member(workspace))
                .queryParam("contact", contactId).queryParam("kind", "keep-in-touch")
                .get("/v1/reminders").then().statusCode(200).extract().path("items.due");
        return due.isEmpty() ? null : due.get(0);
    }

    void awaitDue(String contactId, String expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> Objects.equals(due(contactId), expected));
    }

    static String today(int plusDays) {
        return LocalDate.now(ZoneOffset.UTC).plusDays(plusDays).toString();
    }

    @Test
    void anInteractionMovesTheDayAndItsDeletionMovesItBack() {
        String ada = contacts.contact("Ada Lovelace");
        cadence("{\"contactId\":\"" + ada + "\",\"every\":\"P30D\"}");
        assertEquals(today(30), due(ada), "with no interaction yet, from when the cadence was set");

        String first = Interactions.newId();
        interactions.logged(first, "2026-10-01T10:00:00Z", ada);
        awaitDue(ada, "2026-10-31");

        String second = Interactions.newId();
        // Recorded in Tokyo: 2026-10-20 23:30 UTC is 21 October there, the day it counts from.
        interactions.state(second, 0, "2026-10-20T23:30:00Z", "Asia/Tokyo", List.of(ada), null, null);
        awaitDue(ada, "2026-11-20");

        interactions.deleted(second, 1, ada);
        awaitDue(ada, "2026-10-31");
    }

    @Test
    void anEditThatLeavesAContactOutMovesItsDayBack() {
        String ada = keptInTouch("Ada Lovelace", "P10D");
        String alan = keptInTouch("Alan Turing", "P10D");
        String meeting = Interactions.newId();
        interactions.state(meeting, 0, "2026-11-10T10:00:00Z", "UTC", List.of(ada), null, null);
        awaitDue(ada, "2026-11-20");

        // It was Alan, not Ada: one event moves his day and takes hers back, in one transaction.
        interactions.state(meeting, 1, "2026-11-12T10:00:00Z", "UTC", List.of(alan), null, null);
        awaitDue(alan, "2026-11-22");
        assertEquals(today(10), due(ada), "with no interaction left, from when the cadence was set");
    }

    @Test
    void aPrivateInteractionMovesOnlyItsAuthorsOwnPrivateContactsDays() {
        String shared = contacts.contact("Walter Shared");
        String mine = contacts.contact("Pia Private", "private", "member-of-" + workspace, List.of(), null);
        cadence("{\"contactId\":\"" + shared + "\",\"every\":\"P30D\"}");
        cadence("{\"contactId\":\"" + mine + "\",\"every\":\"P30D\"}");

        // One event names both: once the private contact's day moved, the event was applied for the shared one too.
        interactions.loggedPrivately(Interactions.newId(), "2026-10-01T10:00:00Z", shared, mine);
        awaitDue(mine, "2026-10-31");
        // The shared contact's day is the workspace's: colleagues would read the private call off it.
        assertEquals(today(30), due(shared), "a private interaction does not move a shared contact's keep-in-touch day");
    }

    @Test
    void lateAndRepeatedEventsChangeNothing() {
        String ada = keptInTouch("Ada Lovelace", "P10D");
        String meeting = Interactions.newId();
        // The edit (version 1) arrives before the log (version 0): the older one is ignored.
        interactions.state(meeting, 1, "2026-11-10T10:00:00Z", "UTC", List.of(ada), null, null);
        awaitDue(ada, "2026-11-20");
        interactions.state(meeting, 0, "2026-11-01T10:00:00Z", "UTC", List.of(ada), null, null);
        String marker = keptInTouch("Marker", "P10D");
        interactions.logged(Interactions.newId(), "2026-09-01T10:00:00Z", marker);
        awaitDue(marker, "2026-09-11");
        assertEquals("2026-11-20", due(ada));

        // Deleted, then the edit delivered again late: it stays deleted.
        interactions.deleted(meeting, 2, ada);
        awaitDue(ada, today(10));
        interactions.state(meeting, 1, "2026-11-10T10:00:00Z", "UTC", List.of(ada), null, null);
        interactions.logged(Interactions.newId(), "2026-09-05T10:00:00Z", marker);
        awaitDue(marker, "2026-09-15");
        assertEquals(today(10), due(ada));
    }

    /**
     * A poll's events are applied a statement at a time for all of them: what each interaction ends as must be what its
     * newest event says, whatever order the batch holds them in. Applied directly, so they are one batch for certain.
     */
    @Test
    void aBatchLeavesEachInteractionAsItsNewestEventSays() {
        String ada = keptInTouch("Ada Lovelace", "P10D");
        String alan = keptInTouch("Alan Turing", "P10D");
        UUID meeting = UUID.randomUUID();
        UUID call = UUID.randomUUID();
        UUID note = UUID.randomUUID();
        applyAsOneBatch(List.of(
                touch(meeting, 0, "2026-11-01", ada, new InteractionTouch.Promise(LocalDate.parse("2026-12-04"), "Send the paper", null)),
                touch(call, 1, "2026-11-12", alan, null),
                touch(meeting, 1, "2026-11-10", ada, new InteractionTouch.Promise(LocalDate.parse("2026-12-08"), "Send the slides", null)),
                // Older than the call's version above: changes nothing.
                touch(call, 0, "2026-11-20", alan, null),
                // Deleted before its log arrives, in the same batch: it never counts.
                InteractionTouch.deleted(note, 2),
                touch(note, 0, "2026-11-25", ada, null)));

        assertEquals("2026-11-20", due(ada));
        assertEquals("2026-11-22", due(alan));
        given().auth().oauth2(TestTokens.member(workspace)).queryParam("kind", "follow-up").get("/v1/reminders")
                .then().statusCode(200).body("items.size()", is(1))
                .body("items[0].due", equalTo("2026-12-08"))
                .body("items[0].text", equalTo("Send the slides"))
                .body("items[0].originInteractionId", equalTo(meeting.toString()));

        // The next batch finds the follow-up the first one made and removes it with its promise.
        applyAsOneBatch(List.of(touch(meeting, 2, "2026-11-10", ada, null)));
        given().auth().oauth2(TestTokens.member(workspace)).queryParam("kind", "follow-up").get("/v1/reminders")
                .then().statusCode(200).body("items.size()", is(0));
    }

    /** A contact kept in touch with every {@code every} (an ISO-8601 period) by a cadence of its own. */
    private String keptInTouch(String name, String every) {
        String id = contacts.contact(name);
        cadence("{\"contactId\":\"" + id + "\",\"every\":\"" + every + "\"}");
        return id;
    }

    private InteractionTouch touch(UUID interaction, long version, String day, String contact, InteractionTouch.Promise promise) {
        return new InteractionTouch(interaction, version, false, List.of(UUID.fromString(contact)), LocalDate.parse(day),
                Instant.parse(day + "T10:00:00Z"), promise, "member-of-" + workspace, false);
    }

    /** As the interaction events consumer applies a poll's events: one transaction, in the workspace. */
    private void applyAsOneBatch(List<InteractionTouch> batch) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            workspaces.callAs(workspace, () -> QuarkusTransaction.requiringNew().call(() -> {
                touches.apply(batch);
                return null;
            }));
        } finally {
            requestContext.terminate();
        }
    }

    @Test
    void aContactsOwnCadenceWinsOverItsTagsAndTheStrictestTagWins() {
        String mentor = contacts.contact("Grace", "workspace", "member-of-" + workspace, List.of("Mentor", "friend"), null);
        String both = contacts.contact("Alan", "workspace", "member-of-" + workspace, List.of("mentor"), null);
        String untagged = contacts.contact("Edsger");
        cadence("{\"tag\":\"mentor\",\"every\":\"P60D\"}");
        cadence("{\"tag\":\"FRIEND\",\"every\":\"P2W\"}");
        cadence("{\"contactId\":\"" + both + "\",\"every\":\"P3M\"}");

        assertEquals(today(14), due(mentor), "the strictest of its tags");
        assertEquals(LocalDate.now(ZoneOffset.UTC).plusMonths(3).toString(), due(both), "its own, though a tag's is stricter");
        assertNull(due(untagged));

        given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON)
                .body("{\"tag\":\"mentor\",\"every\":\"P30D\"}").post("/v1/cadences").then().statusCode(409);
        // Tags come and go with contact events.
        contacts.update(untagged, "Edsger", 1, List.of("MENTOR"));
        awaitDue(untagged, today(60));
        contacts.update(untagged, "Edsger", 2, List.of());
        awaitDue(untagged, null);
    }

    @Test
    void changingAndRemovingACadenceMovesAndRemovesItsReminders() {
        String ada = contacts.contact("Ada");
        String id = cadence("{\"contactId\":\"" + ada + "\",\"every\":\"P30D\"}");
        interactions.logged(Interactions.newId(), "2026-11-01T10:00:00Z", ada);
        awaitDue(ada, "2026-12-01");
        given().auth().oauth2(TestTokens.member(workspace)).contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"").body("{\"every\":\"P1M\"}")
                .patch("/v1/cadences/{id}", id).then().statusCode(200).body("every", equalTo("P1M"));
        assertEquals("2026-12-01", due(ada));
        given().auth().oauth2(TestTokens.member(workspace)).contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"").body("{\"every\":\"P7D\"}")
                .patch("/v1/cadences/{id}", id).then().statusCode(412);
        given().auth().oauth2(TestTokens.member(workspace)).header("If-Match", "\"1\"")
                .delete("/v1/cadences/{id}", id).then().statusCode(204);
        assertNull(due(ada));
    }

    @Test
    void anInteractionFarAheadNeverTakesTheDayPastTheLastOne() {
        String ada = contacts.contact("Ada");
        given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON)
                .body("{\"contactId\":\"" + ada + "\",\"every\":\"p10y\"}").post("/v1/cadences").then().statusCode(201)
                .body("every", equalTo("P10Y"));
        interactions.logged(Interactions.newId(), "9999-12-01T10:00:00Z", ada);
        awaitDue(ada, "9999-12-31");
        given().auth().oauth2(TestTokens.member(workspace)).get("/v1/contacts/{id}/reminders", ada).then().statusCode(200)
                .body("items[0].due", equalTo("9999-12-31"));
    }

    @Test
    void badCadencesAreRefusedWithEveryReason() {
        String ada = contacts.contact("Ada");
        given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON)
                .body("{\"contactId\":\"" + ada + "\",\"tag\":\"x\",\"every\":\"PT5H\"}")
                .post("/v1/cadences").then().statusCode(422)
                .body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("contactId", "every"));
        // Past int's range in weeks, past LocalDate's in years: out of range as well, not a failure of ours.
        for (String every : List.of("P0D", "-P1D", "P11Y", "P10Y1D", "P121M", "P3654D", "30 days", "P", "P306783379W",
                "P2147483647W", "P999998000Y", "P2147483647Y")) {
            given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON)
                    .body("{\"contactId\":\"" + ada + "\",\"every\":\"" + every + "\"}")
                    .post("/v1/cadences").then().statusCode(422);
        }
        given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON)
                .body("{\"contactId\":\"" + java.util.UUID.randomUUID() + "\",\"every\":\"P1D\"}")
                .post("/v1/cadences").then().statusCode(422);
        String secret = contacts.contact("Secret", "private", "other-member-of-" + workspace, List.of(), null);
        given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON)
                .body("{\"contactId\":\"" + secret + "\",\"every\":\"P1D\"}")
                .post("/v1/cadences").then().statusCode(422);
        given().auth().oauth2(TestTokens.member("another-" + workspace)).contentType(ContentType.JSON)
                .body("{\"contactId\":\"" + ada + "\",\"every\":\"P1D\"}")
                .post("/v1/cadences").then().statusCode(422);
    }
}
