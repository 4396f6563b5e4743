package dev.rapport.interactions;

import dev.rapport.directory.ContactFixtures;
import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * A smoke run of the import's hot path at the benchmark's size: 5,000 events, every one with a known attendee (the
 * worst case: each is written), then the same file again (each compared, none written). Timings are printed; the
 * 5-second floor is the benchmark's to judge on a quiet machine, this asserts only the outcome.
 */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class CalendarImportVolumeTest {

    static final int EVENTS = 5000;
    static final int CONTACTS = 20;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    static String generated(int events, int contacts) {
        DateTimeFormatter utc = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
        Instant first = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(events, ChronoUnit.HOURS);
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rapport//Volume//EN\r\n");
        for (int n = 0; n < events; n++) {
            Instant start = first.plus(n, ChronoUnit.HOURS);
            ics.append("BEGIN:VEVENT\r\nUID:volume-").append(n).append("@example.com\r\nDTSTAMP:20261126T101500Z\r\n")
                    .append("DTSTART:").append(utc.format(start)).append("\r\nDTEND:")
                    .append(utc.format(start.plus(30, ChronoUnit.MINUTES))).append("\r\nSUMMARY:Meeting ").append(n)
                    .append("\r\nLOCATION:Room ").append(n % 12).append("\r\nORGANIZER:mailto:me@example.com\r\n")
                    .append("ATTENDEE:mailto:person").append(n % contacts).append("@example.com\r\n")
                    .append("ATTENDEE:mailto:stranger").append(n).append("@example.org\r\nEND:VEVENT\r\n");
        }
        return ics.append("END:VCALENDAR\r\n").toString();
    }

    @Test
    void fiveThousandEventsAreImportedAndReimported() {
        String workspace = "calvol-" + UUID.randomUUID();
        ContactFixtures contacts = new ContactFixtures(kafka, workspace);
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < CONTACTS; n++) {
            ids.add(contacts.contact("Person " + n, "Person" + n + "@Example.com"));
        }
        byte[] ics = generated(EVENTS, CONTACTS).getBytes(StandardCharsets.UTF_8);

        long started = System.nanoTime();
        Response first = given().auth().oauth2(TestTokens.member(workspace)).contentType("text/calendar").body(ics)
                .post("/v1/calendar-imports");
        long firstMillis = (System.nanoTime() - started) / 1_000_000;
        first.then().statusCode(202).body("status", equalTo("done")).body("counts.created", equalTo(EVENTS));

        started = System.nanoTime();
        Response again = given().auth().oauth2(TestTokens.member(workspace)).contentType("text/calendar").body(ics)
                .post("/v1/calendar-imports");
        long againMillis = (System.nanoTime() - started) / 1_000_000;
        again.then().statusCode(202).body("counts.unchanged", equalTo(EVENTS)).body("counts.created", equalTo(0));

        System.out.printf("calendar import of %d events (%d KiB): first %d ms, again %d ms%n", EVENTS,
                ics.length / 1024, firstMillis, againMillis);
    }
}
