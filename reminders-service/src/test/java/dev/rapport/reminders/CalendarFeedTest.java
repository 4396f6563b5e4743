package dev.rapport.reminders;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
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

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user's calendar feed over HTTP, read by biweekly (another parser than the ical4j that wrote it). */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class CalendarFeedTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    String workspace;
    ContactFixtures contacts;

    @BeforeEach
    void newWorkspace() {
        workspace = "feed-" + UUID.randomUUID();
        contacts = new ContactFixtures(kafka, workspace);
    }

    /** The path of a new feed's URL (the service answers on the test port whatever host the URL names). */
    String newFeed(String token) {
        String url = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"Phone\"}")
                .post("/v1/calendar-feeds").then().statusCode(201).body("id", not(emptyOrNullString()))
                .extract().path("url");
        String path = URI.create(url).getPath();
        assertTrue(path.matches("/ical/[A-Za-z0-9_-]{43}\\.ics"), url);
        return path;
    }

    @Test
    void theFeedShowsRemindersKeepInTouchAndBirthdaysAsAnyCalendarReadsThem() {
        String ada = contacts.contactBornOn("Ada Lovelace", List.of(), "{\"month\":12,\"day\":10,\"year\":1815}");
        String leap = contacts.contactBornOn("Leap, Day; \\\"Person\\\"", List.of(), "{\"month\":2,\"day\":29,\"year\":null}");
        contacts.contact("Secret", "private", "other-member-of-" + workspace, List.of(), null);
        String token = TestTokens.member(workspace);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"contactId\":\"" + ada + "\",\"every\":\"P30D\"}")
                .post("/v1/cadences").then().statusCode(201);
        String timed = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"text\":\"Call Ada\",\"due\":\"2027-07-01\",\"time\":\"09:00\",\"timeZone\":\"Europe/Paris\"}")
                .post("/v1/reminders").then().statusCode(201).extract().path("id");
        String feed = newFeed(token);

        Response fetched = given().get(feed);
        fetched.then().statusCode(200).contentType("text/calendar").header("ETag", not(emptyOrNullString()))
                .header("Last-Modified", not(emptyOrNullString()));
        ICalendar calendar = Biweekly.parse(fetched.asString()).first();
        assertNotNull(calendar, fetched.asString());
        Map<String, VEvent> byUid = calendar.getEvents().stream()
                .collect(Collectors.toMap(e -> e.getUid().getValue(), Function.identity()));
        assertEquals(4, byUid.size(), "one-off, keep-in-touch and two birthdays: " + byUid.keySet());

        VEvent call = byUid.get(timed + "@reminders.rapport.dev");
        assertEquals("Call Ada", call.getSummary().getValue());
        assertEquals(java.time.Instant.parse("2027-07-01T07:00:00Z"), call.getDateStart().getValue().toInstant());

        VEvent birthday = byUid.get("birthday-" + ada + "@reminders.rapport.dev");
        assertEquals("Ada Lovelace's birthday", birthday.getSummary().getValue());
        assertFalse(birthday.getDateStart().getValue().hasTime(), "an all-day event");
        assertEquals(biweekly.util.Frequency.YEARLY, birthday.getRecurrenceRule().getValue().getFrequency());

        VEvent leapDay = byUid.get("birthday-" + leap + "@reminders.rapport.dev");
        assertEquals("Leap, Day; \"Person\"'s birthday", leapDay.getSummary().getValue());
        assertEquals(List.of(-1), leapDay.getRecurrenceRule().getValue().getByMonthDay());

        assertTrue(byUid.values().stream().anyMatch(e -> e.getSummary().getValue().equals("Keep in touch with Ada Lovelace")));
        assertTrue(byUid.values().stream().noneMatch(e -> e.getSummary().getValue().contains("Secret")),
                "another user's private contact stays out");

        // Unchanged: 304 to a calendar app that knows this version; the same URL fetched again is the same text.
        given().header("If-None-Match", fetched.header("ETag")).get(feed).then().statusCode(304);
        given().header("If-None-Match", "W/" + fetched.header("ETag")).get(feed).then().statusCode(304);
        given().header("If-Modified-Since", fetched.header("Last-Modified")).get(feed).then().statusCode(304);
        given().header("If-None-Match", "\"other\"").get(feed).then().statusCode(200);
        assertEquals(fetched.asString(), given().get(feed).asString());

        // The owner of the private contact sees its birthday-less self in neither list nor feed of the first user.
        String other = newFeed(TestTokens.otherMember(workspace));
        assertFalse(given().get(other).asString().contains("Call Ada"), "one user's reminders are theirs");
    }

    @Test
    void datesStopAtTheLastDayOfYear9999InTheFeedAndTheAgenda() {
        String ada = contacts.contactBornOn("Ada Lovelace", List.of(), "{\"month\":12,\"day\":10,\"year\":1815}");
        String token = TestTokens.member(workspace);
        String last = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"text\":\"Last day\",\"due\":\"9999-12-31\"}")
                .post("/v1/reminders").then().statusCode(201).extract().path("id");

        // An all-day event's end would be the day after: year 10000, which iCalendar cannot write.
        String text = given().get(newFeed(token)).asString();
        assertFalse(text.contains("10000"), text);
        VEvent event = Biweekly.parse(text).first().getEvents().stream()
                .filter(e -> e.getUid().getValue().equals(last + "@reminders.rapport.dev")).findFirst().orElseThrow();
        assertEquals("9999-12-31", new java.text.SimpleDateFormat("yyyy-MM-dd").format(event.getDateStart().getValue()));

        // A window reaching past the last day stops there: Ada's birthday in year 10000 is not on it.
        given().auth().oauth2(token).get("/v1/agenda?date=9999-12-30&days=366").then().statusCode(200)
                .body("today.due", everyItem(lessThanOrEqualTo("9999-12-31")))
                .body("upcoming.due", everyItem(lessThanOrEqualTo("9999-12-31")))
                .body("upcoming.kind", not(hasItem("birthday")));
    }

    @Test
    void aRevokedOrUnknownTokenIsA404ThatSaysNothing() {
        String token = TestTokens.member(workspace);
        given().auth().oauth2(TestTokens.reader(workspace)).contentType(ContentType.JSON).body("{}")
                .post("/v1/calendar-feeds").then().statusCode(403);
        String feed = newFeed(token);
        given().get(feed).then().statusCode(200);
        List<String> ids = given().auth().oauth2(token).get("/v1/calendar-feeds").then().statusCode(200)
                .body("$", hasSize(1)).body("[0].url", org.hamcrest.Matchers.nullValue()).extract().path("id");
        given().auth().oauth2(TestTokens.otherMember(workspace)).delete("/v1/calendar-feeds/{id}", ids.get(0))
                .then().statusCode(404);
        given().auth().oauth2(token).delete("/v1/calendar-feeds/{id}", ids.get(0)).then().statusCode(204);
        String revoked = given().get(feed).then().statusCode(404).contentType("application/problem+json").extract().asString();
        String unknown = given().get("/ical/" + "A".repeat(43) + ".ics").then().statusCode(404).extract().asString();
        assertEquals(revoked.replaceAll("\"instance\":\"[^\"]*\"", ""), unknown.replaceAll("\"instance\":\"[^\"]*\"", ""));
        given().get("/ical/" + "x".repeat(500) + ".ics").then().statusCode(404);
        given().auth().oauth2(token).get("/v1/calendar-feeds").then().body("$", hasSize(0));
    }
}
