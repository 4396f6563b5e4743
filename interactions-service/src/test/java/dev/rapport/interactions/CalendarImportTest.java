package dev.rapport.interactions;

import dev.rapport.directory.ContactFixtures;
import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** POST /v1/calendar-imports against Google- and Outlook-shaped exports, with the real database and broker. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class CalendarImportTest {

    static final String WEEKLY = "7kukuqrfedlm2f9t0vp1o6ejtt@google.com";
    static final String OFFSITE = "0q3b8u1v2nq9s3l4k5j6h7g8f9@google.com";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "rapport.calendar.window")
    Duration window;

    String workspace;
    ContactFixtures contacts;

    @BeforeEach
    void newWorkspace() {
        workspace = "cal-" + UUID.randomUUID();
        contacts = new ContactFixtures(kafka, workspace);
    }

    static String fixture(String name) {
        try (InputStream in = CalendarImportTest.class.getResourceAsStream("/calendars/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Response importRaw(String ics) {
        return given().auth().oauth2(TestTokens.member(workspace)).contentType("text/calendar; charset=utf-8")
                .body(ics.getBytes(StandardCharsets.UTF_8)).post("/v1/calendar-imports");
    }

    Response importForm(String ics, String visibility) {
        var request = given().auth().oauth2(TestTokens.member(workspace))
                .multiPart("file", "calendar.ics", ics.getBytes(StandardCharsets.UTF_8), "text/calendar");
        if (visibility != null) {
            request.multiPart("visibility", visibility);
        }
        return request.post("/v1/calendar-imports");
    }

    static Map<String, Integer> counts(Response job) {
        return job.jsonPath().getMap("counts", String.class, Integer.class);
    }

    /** The member's meetings with a contact, by externalId. */
    Map<String, Map<String, Object>> meetingsWith(String contactId) {
        List<Map<String, Object>> items = given().auth().oauth2(TestTokens.member(workspace))
                .queryParam("contact", contactId).queryParam("limit", 200).get("/v1/interactions")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().collect(Collectors.toMap(i -> (String) i.get("externalId"), i -> i));
    }

    /** The yearly all-day birthday series (from 2020-03-15) expands to these many occurrences within the window. */
    long birthdaysInWindow() {
        Instant now = Instant.now();
        Instant from = now.minus(window);
        long n = 0;
        for (int year = 2020; year <= LocalDate.now(ZoneOffset.UTC).getYear(); year++) {
            Instant start = LocalDate.of(year, 3, 15).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!start.isBefore(from) && !start.isAfter(now)) {
                n++;
            }
        }
        return n;
    }

    @Test
    @SuppressWarnings("unchecked")
    void aGoogleExportBecomesMeetingsWithKnownAttendeesAndReimportingChangesNothing() {
        String bob = contacts.contact("Bob Stone", "BOB.STONE@example.COM");
        String dan = contacts.contact("Dan Wu", "Dan.Wu@Example.net");
        // Bob's address in another workspace too: that contact is no attendee here.
        new ContactFixtures(kafka, "cal-elsewhere-" + UUID.randomUUID()).contact("Bob Elsewhere", "bob.stone@example.com");
        String ics = fixture("google-export.ics");
        long birthdays = birthdaysInWindow();

        Response job = importRaw(ics);
        job.then().statusCode(202).header("Location", endsWith("/v1/calendar-imports/" + job.path("id")))
                .body("status", equalTo("done")).body("visibility", equalTo("private"));
        // Weekly series: Oct 5, 19 (moved to the 20th), 26, Nov 2 (cancelled), 9, 16, 23 (Oct 12 is an EXDATE; Nov 30
        // is after UNTIL); the offsite; focus time; the old breakfast; the birthdays.
        assertEquals(Map.of("eventsRead", 7, "occurrences", (int) (10 + birthdays), "outsideWindow", 0, "created", 7,
                "updated", 0, "unchanged", 0, "removed", 0, "skipped", (int) (3 + birthdays)), counts(job));
        JsonPath body = job.jsonPath();
        assertEquals(List.of("cancelled"), body.getList("reasons.findAll { it.uid == '" + WEEKLY + "' }.reason"));
        assertEquals("2026-11-02T15:00:00Z", body.getString("reasons.find { it.reason == 'cancelled' }.occurrence"));
        assertEquals(2 + birthdays, body.getList("reasons.findAll { it.reason == 'no-known-attendee' }").size());
        assertTrue(body.getList("reasons.summary").containsAll(List.of("Focus time", "Old breakfast", "Erin's birthday")));

        given().auth().oauth2(TestTokens.member(workspace)).get(job.header("Location")).then().statusCode(200)
                .body("id", equalTo(job.path("id"))).body("counts.created", equalTo(7));

        Map<String, Map<String, Object>> withBob = meetingsWith(bob);
        assertEquals(List.of("2026-10-05T14:00:00Z", "2026-10-19T14:00:00Z", "2026-10-26T14:00:00Z",
                "2026-11-09T15:00:00Z", "2026-11-16T15:00:00Z", "2026-11-23T15:00:00Z").stream()
                .map(key -> WEEKLY + "#" + key).sorted().toList(), withBob.keySet().stream().sorted().toList());
        Map<String, Object> regular = withBob.get(WEEKLY + "#2026-11-09T15:00:00Z");
        assertEquals("2026-11-09T10:00:00-05:00", regular.get("occurredAt"));
        assertEquals("America/New_York", regular.get("timeZone"));
        assertEquals(30, regular.get("durationMinutes"));
        assertEquals(List.of(bob), ((List<Map<String, Object>>) regular.get("participants")).stream()
                .map(p -> p.get("contactId")).toList());
        assertEquals("meeting", regular.get("kind"));
        assertEquals("calendar", regular.get("source"));
        assertEquals("private", regular.get("visibility"));
        assertEquals("me", regular.get("initiatedBy"), "the organizer (the user) is not a contact");
        assertEquals("Weekly pipeline sync", regular.get("summary"));
        assertEquals("Room 4.01, Main Street 5", regular.get("location"));
        assertTrue(((String) regular.get("notes")).startsWith("Agenda:\n1. Pipeline review, wins and losses"));
        Map<String, Object> moved = withBob.get(WEEKLY + "#2026-10-19T14:00:00Z");
        assertEquals("2026-10-20T14:00:00-04:00", moved.get("occurredAt"), "at its new time, under its original key");
        assertEquals("Weekly pipeline sync (moved)", moved.get("summary"));

        Map<String, Map<String, Object>> withDan = meetingsWith(dan);
        assertEquals(List.of(OFFSITE + "#single"), List.copyOf(withDan.keySet()));
        Map<String, Object> offsite = withDan.get(OFFSITE + "#single");
        assertEquals(2880, offsite.get("durationMinutes"), "an all-day event of two days");
        assertEquals("2026-11-05T00:00:00Z", offsite.get("occurredAt"));
        assertEquals("Lisbon", offsite.get("location"));

        // The same file again, as a form: nothing written, no new version.
        Response again = importForm(ics, null);
        again.then().statusCode(202).body("status", equalTo("done"));
        assertEquals(Map.of("eventsRead", 7, "occurrences", (int) (10 + birthdays), "outsideWindow", 0, "created", 0,
                "updated", 0, "unchanged", 7, "removed", 0, "skipped", (int) (3 + birthdays)), counts(again));
        meetingsWith(bob).values().forEach(m -> assertEquals(0, m.get("version")));
        assertEquals(0, meetingsWith(dan).get(OFFSITE + "#single").get("version"));

        // One occurrence renamed, one more cancelled: exactly that one updated and that one removed.
        String edited = ics.replace("SUMMARY:Weekly pipeline sync (moved)", "SUMMARY:Pipeline sync (moved again)")
                .replace("END:VCALENDAR", """
                        BEGIN:VEVENT
                        DTSTART;TZID=America/New_York:20261026T100000
                        DTEND;TZID=America/New_York:20261026T103000
                        DTSTAMP:20261126T101500Z
                        UID:7kukuqrfedlm2f9t0vp1o6ejtt@google.com
                        RECURRENCE-ID;TZID=America/New_York:20261026T100000
                        SEQUENCE:4
                        STATUS:CANCELLED
                        SUMMARY:Weekly pipeline sync
                        END:VEVENT
                        END:VCALENDAR""".replace("\n", "\r\n"));
        Response changed = importRaw(edited);
        changed.then().statusCode(202);
        Map<String, Integer> c = counts(changed);
        assertEquals(1, c.get("updated"));
        assertEquals(1, c.get("removed"));
        assertEquals(0, c.get("created"));
        assertEquals(5, c.get("unchanged"));
        Map<String, Map<String, Object>> after = meetingsWith(bob);
        assertFalse(after.containsKey(WEEKLY + "#2026-10-26T14:00:00Z"), "the cancelled occurrence is gone");
        assertEquals(5, after.size());
        assertEquals("Pipeline sync (moved again)", after.get(WEEKLY + "#2026-10-19T14:00:00Z").get("summary"));
        assertEquals(1, after.get(WEEKLY + "#2026-10-19T14:00:00Z").get("version"));
        assertEquals(0, after.get(WEEKLY + "#2026-11-09T15:00:00Z").get("version"));
    }

    @Test
    void anOutlookExportWithWindowsZonesUploadedAsAFormForTheWorkspace() {
        String mia = contacts.contact("Mia Schulz", "MIA.SCHULZ@contoso.com");
        String priya = contacts.contact("Priya Nair", "Priya@Fabrikam.com");
        String chloe = contacts.contact("Chloé Martin", "chloe.martin@wingtip.fr");

        Response job = importForm(fixture("outlook-export.ics"), "workspace");
        job.then().statusCode(202).body("status", equalTo("done")).body("visibility", equalTo("workspace"));
        assertEquals(Map.of("eventsRead", 6, "occurrences", 6, "outsideWindow", 0, "created", 5, "updated", 0,
                "unchanged", 0, "removed", 0, "skipped", 3), counts(job));
        JsonPath body = job.jsonPath();
        assertEquals(List.of("no-uid", "unknown-time-zone", "no-known-attendee"), body.getList("reasons.reason"));
        assertEquals("Tailspin quarterly review", body.getString("reasons[2].summary"));

        Map<String, Map<String, Object>> withMia = meetingsWith(mia);
        assertEquals(3, withMia.size(), "six Tuesdays minus three EXDATEs");
        withMia.values().forEach(m -> {
            assertEquals("Europe/Berlin", m.get("timeZone"));
            assertTrue(((String) m.get("occurredAt")).contains("T09:00:00+0"), "09:00 Berlin: " + m.get("occurredAt"));
            assertEquals("workspace", m.get("visibility"));
        });
        Map<String, Object> fabrikam = meetingsWith(priya).values().iterator().next();
        assertEquals("2026-11-04T13:00:00-08:00", fabrikam.get("occurredAt"), "Pacific Standard Time, no VTIMEZONE");
        assertEquals("America/Los_Angeles", fabrikam.get("timeZone"));
        assertEquals("them", fabrikam.get("initiatedBy"), "the organizer is the contact");
        Map<String, Object> wingtip = meetingsWith(chloe).values().iterator().next();
        assertEquals("2026-12-01T15:00:00+01:00", wingtip.get("occurredAt"));
        assertEquals("Europe/Paris", wingtip.get("timeZone"));
        assertEquals("me", wingtip.get("initiatedBy"));

        // Another user of the workspace sees the workspace meetings, but not the job.
        given().auth().oauth2(TestTokens.otherMember(workspace)).get("/v1/calendar-imports/{id}", job.path("id").toString())
                .then().statusCode(404);
    }

    @Test
    void tooLargeNotACalendarWrongMediaTypeAndOtherWorkspacesAreProblems() {
        byte[] huge = new byte[4 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'x');
        given().auth().oauth2(TestTokens.member(workspace)).contentType("text/calendar").body(huge)
                .post("/v1/calendar-imports").then().statusCode(413).contentType("application/problem+json");

        importRaw("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nthis is not a property\r\nEND:VCALENDAR\r\n")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations[0].field", equalTo("file"))
                .body("violations[0].message", containsString("line"))
                .body("violations[0].message", org.hamcrest.Matchers.not(containsString("ical4j")))
                .body("violations[0].message", org.hamcrest.Matchers.not(containsString("Exception")));
        importRaw("").then().statusCode(422);
        given().auth().oauth2(TestTokens.member(workspace)).contentType("application/json").body("{}")
                .post("/v1/calendar-imports").then().statusCode(415);
        given().auth().oauth2(TestTokens.member(workspace)).contentType("text/calendar").queryParam("visibility", "everyone")
                .body(fixture("google-export.ics")).post("/v1/calendar-imports")
                .then().statusCode(422).body("violations[0].field", equalTo("visibility"));
        given().auth().oauth2(TestTokens.reader(workspace)).contentType("text/calendar")
                .body(fixture("google-export.ics")).post("/v1/calendar-imports").then().statusCode(403);

        String id = importRaw(fixture("google-export.ics")).then().statusCode(202).extract().path("id");
        given().auth().oauth2(TestTokens.member("elsewhere-" + UUID.randomUUID())).get("/v1/calendar-imports/{id}", id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.member(workspace)).get("/v1/calendar-imports/{id}", UUID.randomUUID().toString())
                .then().statusCode(404);
    }
}
