package dev.rapport.interactions;

import dev.rapport.directory.ContactFixtures;
import com.sun.net.httpserver.HttpServer;
import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ICS subscriptions polled from a local HTTP server (reached as {@code localhost}, the test profile's one allowed
 * host) whose file changes between polls, with the real database and broker.
 */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class CalendarSourceTest {

    /** Calendar files by path; each answer carries an ETag and honours If-None-Match. */
    static final Map<String, String> FILES = new ConcurrentHashMap<>();
    /** Each request: path and the If-None-Match it sent (or "-"). */
    static final List<String> REQUESTS = new CopyOnWriteArrayList<>();
    static HttpServer server;
    static int port;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    String workspace;
    ContactFixtures contacts;
    String token;
    String path;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String requested = exchange.getRequestURI().getPath();
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            REQUESTS.add(requested + " " + (ifNoneMatch == null ? "-" : ifNoneMatch));
            if (requested.startsWith("/redirect")) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + port + "/private.ics");
                exchange.sendResponseHeaders(302, -1);
                exchange.close();
                return;
            }
            String body = FILES.get(requested);
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
            exchange.getResponseHeaders().add("ETag", etag);
            if (etag.equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/calendar");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        port = server.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    @BeforeEach
    void newWorkspace() {
        workspace = "calsrc-" + UUID.randomUUID();
        contacts = new ContactFixtures(kafka, workspace);
        token = "private-" + UUID.randomUUID().toString().replace("-", "");
        path = "/calendar/ical/" + token + "/basic.ics";
    }

    static String event(String uid, String start, String summary, String... attendees) {
        StringBuilder event = new StringBuilder("BEGIN:VEVENT\r\nUID:" + uid + "\r\nDTSTAMP:20261126T101500Z\r\nDTSTART:" + start
                + "\r\nDURATION:PT45M\r\nSUMMARY:" + summary + "\r\nORGANIZER:mailto:me@example.com\r\n");
        for (String attendee : attendees) {
            event.append("ATTENDEE:mailto:").append(attendee).append("\r\n");
        }
        return event.append("END:VEVENT\r\n").toString();
    }

    static String calendar(String... events) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n" + String.join("", events) + "END:VCALENDAR\r\n";
    }

    Response register(String user, String url) {
        return given().auth().oauth2(user).contentType(ContentType.JSON)
                .body("{\"url\": \"" + url + "\", \"name\": \"Work\"}").post("/v1/calendar-sources");
    }

    Response poll(String id) {
        return given().auth().oauth2(TestTokens.member(workspace)).post("/v1/calendar-sources/{id}/poll", id);
    }

    Map<String, Map<String, Object>> meetingsWith(String contactId) {
        List<Map<String, Object>> items = given().auth().oauth2(TestTokens.member(workspace))
                .queryParam("contact", contactId).get("/v1/interactions")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().collect(Collectors.toMap(i -> (String) i.get("externalId"), i -> i));
    }

    List<String> requestsFor(String p) {
        return REQUESTS.stream().filter(r -> r.startsWith(p + " ")).toList();
    }

    @Test
    void aSubscriptionIsPolledConditionallyFollowsChangesAndMatchesContactsAddedLater() {
        String bob = contacts.contact("Bob", "Bob@Example.com");
        FILES.put(path, calendar(event("a1", "20261102T150000Z", "Kick-off", "bob@example.com"),
                event("b1", "20261103T150000Z", "Intro", "later@example.com")));
        String url = "http://localhost:" + port + path;

        Response created = register(TestTokens.member(workspace), url);
        created.then().statusCode(201).body("url", equalTo("http://localhost/…")).body("name", equalTo("Work"))
                .body("visibility", equalTo("private"));
        String id = created.path("id");
        assertFalse(created.asString().contains(token), "the secret part of the URL is never shown");

        poll(id).then().statusCode(200).body("lastError", equalTo(null));
        Map<String, Map<String, Object>> withBob = meetingsWith(bob);
        assertEquals(List.of("a1#single"), List.copyOf(withBob.keySet()));
        assertEquals("Kick-off", withBob.get("a1#single").get("summary"));
        assertEquals(45, withBob.get("a1#single").get("durationMinutes"));

        // Nothing changed: the server answers 304 to the ETag sent, and nothing is written.
        int before = requestsFor(path).size();
        poll(id).then().statusCode(200).body("lastStatus", equalTo("not-modified"));
        List<String> requests = requestsFor(path);
        assertEquals(before + 1, requests.size());
        assertFalse(requests.get(requests.size() - 1).endsWith(" -"), "a conditional GET: " + requests);
        assertEquals(0, meetingsWith(bob).get("a1#single").get("version"));

        // The file changes: the next poll updates the meeting.
        FILES.put(path, calendar(event("a1", "20261102T150000Z", "Kick-off (agenda changed)", "bob@example.com"),
                event("b1", "20261103T150000Z", "Intro", "later@example.com")));
        poll(id).then().statusCode(200).body("lastStatus", equalTo("ok")).body("lastCounts.updated", equalTo(1))
                .body("lastCounts.unchanged", equalTo(0)).body("lastCounts.skipped", equalTo(1));
        assertEquals("Kick-off (agenda changed)", meetingsWith(bob).get("a1#single").get("summary"));

        // A contact added later is matched on the next poll, although the feed did not change (it would answer 304).
        String later = contacts.contact("Later", "LATER@example.com");
        poll(id).then().statusCode(200).body("lastStatus", equalTo("ok")).body("lastCounts.created", equalTo(1))
                .body("lastCounts.unchanged", equalTo(1));
        requests = requestsFor(path);
        assertTrue(requests.get(requests.size() - 1).endsWith(" -"), "fetched unconditionally: " + requests);
        assertEquals(List.of("b1#single"), List.copyOf(meetingsWith(later).keySet()));
        // And then it is conditional again.
        poll(id).then().statusCode(200).body("lastStatus", equalTo("not-modified"));

        // The URL is never returned in full.
        String one = given().auth().oauth2(TestTokens.member(workspace)).get("/v1/calendar-sources/{id}", id)
                .then().statusCode(200).body("url", equalTo("http://localhost/…")).extract().asString();
        String list = given().auth().oauth2(TestTokens.member(workspace)).get("/v1/calendar-sources")
                .then().statusCode(200).body("", hasSize(1)).extract().asString();
        assertFalse(one.contains(token));
        assertFalse(list.contains(token));

        // Another user of the workspace can neither see nor poll nor delete it.
        String other = TestTokens.otherMember(workspace);
        given().auth().oauth2(other).get("/v1/calendar-sources/{id}", id).then().statusCode(404);
        given().auth().oauth2(other).get("/v1/calendar-sources").then().statusCode(200).body("", hasSize(0));
        given().auth().oauth2(other).post("/v1/calendar-sources/{id}/poll", id).then().statusCode(404);
        given().auth().oauth2(other).delete("/v1/calendar-sources/{id}", id).then().statusCode(404);
        given().auth().oauth2(TestTokens.member("elsewhere-" + UUID.randomUUID())).get("/v1/calendar-sources/{id}", id)
                .then().statusCode(404);

        // Unsubscribing keeps the meetings.
        given().auth().oauth2(TestTokens.member(workspace)).delete("/v1/calendar-sources/{id}", id).then().statusCode(204);
        given().auth().oauth2(TestTokens.member(workspace)).get("/v1/calendar-sources/{id}", id).then().statusCode(404);
        assertEquals(1, meetingsWith(bob).size());
    }

    @Test
    void ssrfAttemptsAreRefusedWhenRegisteredAndWhenRedirected() {
        String member = TestTokens.member(workspace);
        for (String url : List.of("http://127.0.0.1:" + port + "/cal.ics", "http://169.254.169.254/latest/meta-data/",
                "http://[::1]/", "http://10.0.0.1/cal.ics", "http://[::ffff:192.168.1.1]/cal.ics")) {
            register(member, url).then().statusCode(422).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("url"));
        }
        register(member, "ftp://example.com/cal.ics").then().statusCode(422);
        // Every invalid field at once, each where it was sent; none of it a 500.
        given().auth().oauth2(member).contentType(ContentType.JSON)
                .body("{\"name\": \"" + "n".repeat(201) + "\", \"visibility\": \"public\"}").post("/v1/calendar-sources")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("name", "url", "visibility")))
                .body("violations.in", equalTo(List.of("body", "body", "body")));
        given().auth().oauth2(member).contentType(ContentType.JSON).body("{\"url\": null}").post("/v1/calendar-sources")
                .then().statusCode(422).body("violations[0].field", equalTo("url"));
        register(member, "not a url").then().statusCode(422);
        given().auth().oauth2(member).get("/v1/calendar-sources").then().statusCode(200).body("", hasSize(0));

        // An allowed host that redirects to a private address: the fetch refuses the hop, and says so without the URL.
        String id = register(member, "http://localhost:" + port + "/redirect/" + token).then().statusCode(201)
                .extract().path("id");
        Response polled = poll(id);
        polled.then().statusCode(200).body("lastStatus", equalTo("refused-address"));
        assertFalse(polled.asString().contains(token));
        assertTrue(requestsFor("/private.ics").isEmpty(), "the private address was never requested");
    }

    @Test
    void theSchedulerPollsADueSourceByItself() {
        String bob = contacts.contact("Bob", "bob@example.com");
        FILES.put(path, calendar(event("s1", "20261110T090000Z", "Scheduled", "bob@example.com")));
        String id = register(TestTokens.member(workspace), "http://localhost:" + port + path).then().statusCode(201)
                .extract().path("id");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> meetingsWith(bob).containsKey("s1#single"));
        Response source = given().auth().oauth2(TestTokens.member(workspace)).get("/v1/calendar-sources/{id}", id);
        source.then().statusCode(200).body("lastStatus", equalTo("ok")).body("lastCounts.created", equalTo(1));
        assertNotNull(source.path("lastPolledAt"));
        assertNull(source.path("lastError"));
    }
}
