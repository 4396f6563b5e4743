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
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** The agenda in the user's time zone, ranked, with birthdays; and a contact's reminders. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class AgendaTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    String workspace;
    ContactFixtures contacts;
    Interactions interactions;

    @BeforeEach
    void newWorkspace() {
        workspace = "agenda-" + UUID.randomUUID();
        contacts = new ContactFixtures(kafka, workspace);
        interactions = new Interactions(kafka, workspace);
    }

    void post(String path, String json) {
        given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON).body(json).post(path)
                .then().statusCode(201);
    }

    Response agenda(String date, int days) {
        return given().auth().oauth2(TestTokens.member(workspace)).queryParam("date", date).queryParam("days", days)
                .get("/v1/agenda");
    }

    @Test
    void overdueRemindersAreRankedPromisesFirstThenByLatenessOverCadence() {
        String often = contacts.contact("Often");
        String rarely = contacts.contact("Rarely");
        String secret = contacts.contact("Secret", "private", "other-member-of-" + workspace, List.of("watch"), null);
        String born = contacts.contactBornOn("Born", List.of(), "{\"month\":3,\"day\":4,\"year\":1990}");
        post("/v1/cadences", "{\"contactId\":\"" + often + "\",\"every\":\"P10D\"}");
        post("/v1/cadences", "{\"contactId\":\"" + rarely + "\",\"every\":\"P100D\"}");
        post("/v1/cadences", "{\"tag\":\"watch\",\"every\":\"P1D\"}");
        interactions.logged(Interactions.newId(), "2027-02-14T12:00:00Z", often);   // due 02-24: 5 days late, 0.5 of its cadence
        interactions.logged(Interactions.newId(), "2026-10-22T12:00:00Z", rarely);  // due 01-30: 30 days late, 0.3 of its cadence
        post("/v1/reminders", "{\"text\":\"Promised\",\"due\":\"2027-02-26\"}");
        post("/v1/reminders", "{\"text\":\"Today\",\"due\":\"2027-03-01\",\"time\":\"09:00\",\"timeZone\":\"Europe/Paris\"}");
        post("/v1/reminders", "{\"text\":\"Soon\",\"due\":\"2027-03-03\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> agenda("2027-03-01", 7).<List<?>>path("overdue").size() == 3);

        agenda("2027-03-01", 7).then().statusCode(200)
                .body("timeZone", equalTo("UTC"))
                .body("overdue.text", contains("Promised", null, null))
                .body("overdue.contactName", contains(null, "Often", "Rarely"))
                .body("overdue.daysOverdue", contains(3, 5, 30))
                .body("overdue.overdueRatio", contains(null, 0.5f, 0.3f))
                .body("overdueCount", equalTo(3))
                .body("today.text", contains("Today"))
                .body("upcoming.kind", contains("one-off", "birthday"))
                .body("upcoming[1].contactName", equalTo("Born"))
                .body("upcoming[1].due", equalTo("2027-03-04"))
                .body("upcoming[1].turns", equalTo(37));
        // The secret contact's keep-in-touch is its owner's business only (the other member's, below).
        given().auth().oauth2(TestTokens.member(workspace)).queryParam("kind", "keep-in-touch").get("/v1/reminders")
                .then().body("items.contactId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(secret)));

        given().auth().oauth2(TestTokens.member(workspace)).get("/v1/contacts/{id}/reminders", born).then().statusCode(200)
                .body("items.kind", contains("birthday"));
        given().auth().oauth2(TestTokens.member(workspace)).get("/v1/contacts/{id}/reminders", often).then().statusCode(200)
                .body("items.kind", contains("keep-in-touch")).body("items[0].due", equalTo("2027-02-24"));
        given().auth().oauth2(TestTokens.member(workspace)).get("/v1/contacts/{id}/reminders", secret).then().statusCode(404);
        given().auth().oauth2(TestTokens.otherMember(workspace)).get("/v1/agenda?date=2027-03-01").then().statusCode(200)
                .body("overdue.contactName", contains("Secret", "Often", "Rarely")).body("overdueCount", equalTo(3))
                .body("today", empty());
    }

    @Test
    void aTwentyNinthOfFebruaryBirthdayIsOnTheTwentyEighthInOtherYears() {
        contacts.contactBornOn("Leap", List.of(), "{\"month\":2,\"day\":29,\"year\":null}");
        agenda("2027-02-27", 3).then().statusCode(200).body("upcoming.due", contains("2027-02-28"))
                .body("upcoming[0].turns", equalTo(null));
        agenda("2028-02-27", 3).then().statusCode(200).body("upcoming.due", contains("2028-02-29"));
        agenda("2028-03-01", 3).then().statusCode(200).body("upcoming", empty());
        // Lead days: ten days ahead shows a birthday beyond a one-day agenda.
        given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON)
                .body("{\"timeZone\":\"Pacific/Auckland\",\"birthdayLeadDays\":10}").put("/v1/reminder-settings")
                .then().statusCode(200).body("timeZone", equalTo("Pacific/Auckland"));
        agenda("2027-02-20", 1).then().statusCode(200).body("timeZone", equalTo("Pacific/Auckland"))
                .body("upcoming.due", contains("2027-02-28"));
    }

    @Test
    void aWindowOverNewYearShowsTheBirthdaysOnEitherSide() {
        contacts.contactBornOn("December", List.of(), "{\"month\":12,\"day\":30,\"year\":null}");
        contacts.contactBornOn("January", List.of(), "{\"month\":1,\"day\":2,\"year\":1990}");
        contacts.contactBornOn("Leap", List.of(), "{\"month\":2,\"day\":29,\"year\":null}");
        contacts.contactBornOn("Summer", List.of(), "{\"month\":7,\"day\":1,\"year\":null}");

        agenda("2026-12-29", 7).then().statusCode(200)
                .body("upcoming.contactName", contains("December", "January"))
                .body("upcoming.due", contains("2026-12-30", "2027-01-02"))
                .body("upcoming[1].turns", equalTo(37));
        // Over New Year and to 28 February of a year without a 29th: that day is the leap birthday's.
        agenda("2026-12-31", 60).then().statusCode(200)
                .body("upcoming.contactName", contains("January", "Leap"))
                .body("upcoming.due", contains("2027-01-02", "2027-02-28"));
    }

    @Test
    void badAgendaQueriesAndSettingsAreRefused() {
        given().auth().oauth2(TestTokens.member(workspace)).get("/v1/agenda?date=2027-13-01&days=0&limit=x")
                .then().statusCode(422).body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("date", "days", "limit"));
        given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON)
                .body("{\"timeZone\":\"+02:00\",\"birthdayLeadDays\":-1}").put("/v1/reminder-settings")
                .then().statusCode(422).body("violations.field", org.hamcrest.Matchers.containsInAnyOrder("timeZone", "birthdayLeadDays"));
        given().get("/v1/agenda").then().statusCode(401);
        given().auth().oauth2(TestTokens.reader(workspace)).contentType(ContentType.JSON)
                .body("{\"timeZone\":\"UTC\",\"birthdayLeadDays\":1}").put("/v1/reminder-settings").then().statusCode(403);
        given().auth().oauth2(TestTokens.reader(workspace)).get("/v1/agenda").then().statusCode(200);
    }
}
