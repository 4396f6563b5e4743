package dev.rapport.e2e;

import dev.rapport.events.ContactEventTypes;
import dev.rapport.events.InteractionEventTypes;
import dev.rapport.events.ReminderEventTypes;
import dev.rapport.local.LocalStack.Service;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's run command, end to end: the launcher brings up PostgreSQL, Kafka and the three packaged
 * services; a contact created in contacts-service reaches the other two through the real broker; after a
 * stop and a second start on the same data directory, everything is still there, and the token command it
 * prints mints tokens the services accept.
 */
@org.junit.jupiter.api.Order(10)
class LocalStackIT {

    @org.junit.jupiter.api.BeforeAll
    static void stopTheSharedStack() throws Exception {
        SharedStack.stop();
    }

    @Test
    void contactCreatedInContactsReachesBothOtherServicesAndSurvivesARestart(@TempDir Path dataDir) throws Exception {
        Ports ports = Ports.pick();
        String contactId;
        try (LauncherProcess launcher = LauncherProcess.start(dataDir, ports.options())) {
            launcher.awaitOutput("Rapport is up.", Duration.ofMinutes(4));
            // The token the launcher prints for the demo workspace is what a newcomer uses.
            String token = launcher.printedAfter("export TOKEN=");
            for (int port : ports.services()) {
                given().get("http://localhost:" + port + "/q/health/ready").then().statusCode(200)
                        .body("status", equalTo("UP"));
            }

            contactId = given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"displayName\":\"Katherine Johnson\",\"emails\":[{\"address\":\"katherine@example.org\"}]}")
                    .post(ports.contactsUrl() + "/v1/contacts")
                    .then().statusCode(201).extract().path("id");

            assertLocalBrowserOriginsOnlyAreAllowed(ports);
            assertProducersServeTheirEventDocuments(ports);
            awaitSummary(ports.interactionsUrl() + Service.INTERACTIONS.summaryPath(contactId), token, Duration.ofSeconds(10));
            awaitSummary(ports.remindersUrl() + Service.REMINDERS.summaryPath(contactId), token, Duration.ofSeconds(10));
            given().get(ports.contactsUrl() + "/v1/contacts/" + contactId).then().statusCode(401);
            assertASyncClientIsNotThrottled(ports.contactsUrl(), token, contactId);
            launcher.stop();
            assertFalse(Files.exists(dataDir.resolve("postgres/postmaster.pid")), "PostgreSQL stopped with the launcher");
        }

        try (LauncherProcess again = LauncherProcess.start(dataDir, ports.options())) {
            again.awaitOutput("Rapport is up.", Duration.ofMinutes(4));
            // The command the launcher printed, as a newcomer would run it.
            assertTrue(again.printedAfter("deploy/local/token ").startsWith("--data-dir=" + dataDir + " "));
            String token = LauncherProcess.mintToken(dataDir, "--workspace=demo", "--user=someone-else", "--roles=reader");
            given().auth().oauth2(token).get(ports.contactsUrl() + "/v1/contacts/" + contactId)
                    .then().statusCode(200).body("displayName", equalTo("Katherine Johnson"));
            given().auth().oauth2(token).get(ports.interactionsUrl() + Service.INTERACTIONS.summaryPath(contactId))
                    .then().statusCode(200).body("displayName", equalTo("Katherine Johnson"));
            given().auth().oauth2(token).get(ports.remindersUrl() + Service.REMINDERS.summaryPath(contactId))
                    .then().statusCode(200).body("displayName", equalTo("Katherine Johnson"));
            again.stop();
        }
    }

    @Test
    void aPortInUseIsOneLineNamingIt(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             LauncherProcess launcher = LauncherProcess.start(dataDir,
                     List.of("--contacts-port=" + taken.getLocalPort()))) {
            assertEquals(2, launcher.awaitExit(Duration.ofSeconds(60)));
            assertEquals(1, launcher.stderr().size(), "one line: " + launcher.stderr());
            String line = launcher.stderr().get(0);
            assertTrue(line.contains("Port " + taken.getLocalPort() + " (contacts-service)"), line);
        }
    }

    /** The launcher's own CORS setting, as a browser sees it: a preflight from a front end on this machine. */
    private static void assertLocalBrowserOriginsOnlyAreAllowed(Ports ports) {
        for (int port : ports.services()) {
            String url = "http://localhost:" + port + "/v1/contacts";
            for (String origin : List.of("http://localhost:5173", "http://localhost:3000", "http://127.0.0.1:5173",
                    "http://[::1]:5173")) {
                preflight(url, origin).then().statusCode(200).header("Access-Control-Allow-Origin", equalTo(origin));
            }
            for (String origin : List.of("https://evil.example", "http://localhost.evil.example")) {
                preflight(url, origin).then().statusCode(403).header("Access-Control-Allow-Origin", nullValue());
            }
        }
    }

    /**
     * Each producer serves what its contract jar holds under {@code /events/<area>/}; every reference of every served
     * AsyncAPI document resolves relative to the document itself (a consumer's, to the producer's files it serves too),
     * so each document parses on its own.
     */
    private static void assertProducersServeTheirEventDocuments(Ports ports) throws IOException {
        assertServes(ports.contactsUrl(), "contact-events", ContactEventTypes.RESOURCES, ContactEventTypes.ALL);
        assertServes(ports.interactionsUrl(), "interaction-events", InteractionEventTypes.RESOURCES, InteractionEventTypes.ALL);
        assertServes(ports.remindersUrl(), "reminder-events", ReminderEventTypes.RESOURCES, ReminderEventTypes.ALL);
        assertReferencesResolve(ports.contactsUrl() + "/" + EVENTS + "contacts/asyncapi.yaml");
        assertTrue(assertReferencesResolve(ports.interactionsUrl() + "/" + EVENTS + "interactions/asyncapi.yaml")
                .containsAll(List.of("../contacts/" + ContactEventTypes.CREATED_V1 + ".schema.json",
                        "../reminders/" + ReminderEventTypes.COMPLETED_V1 + ".schema.json")));
        assertTrue(assertReferencesResolve(ports.remindersUrl() + "/" + EVENTS + "reminders/asyncapi.yaml")
                .containsAll(List.of("../contacts/" + ContactEventTypes.CREATED_V1 + ".schema.json",
                        "../interactions/" + InteractionEventTypes.LOGGED_V1 + ".schema.json")));
    }

    private static final String EVENTS = "events/";

    private static void assertServes(String serviceUrl, String jar, String resources, List<String> types) throws IOException {
        List<String> documents = new ArrayList<>(List.of("asyncapi.yaml"));
        types.forEach(type -> documents.addAll(List.of(type + ".schema.json", type + ".example.json")));
        String folder = resources.substring(resources.indexOf(EVENTS));
        for (String document : documents) {
            URL file = Collections.list(LocalStackIT.class.getClassLoader().getResources(resources + document))
                    .stream().filter(url -> url.toString().contains(jar)).findFirst().orElseThrow();
            try (InputStream published = file.openStream()) {
                String served = given().get(serviceUrl + "/" + folder + document).then().statusCode(200)
                        .extract().asString();
                assertEquals(new String(published.readAllBytes(), StandardCharsets.UTF_8), served, document);
            }
        }
    }

    /**
     * Every $ref of the document that leaves it is relative and answers 200 from where the document is served.
     *
     * @return those references
     */
    private static List<String> assertReferencesResolve(String documentUrl) {
        String document = given().get(documentUrl).then().statusCode(200).extract().asString();
        List<String> outside = new ArrayList<>();
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("\\$ref:\\s*'?([^'\\s#][^'\\s]*)'?").matcher(document);
        while (refs.find()) {
            outside.add(refs.group(1));
        }
        for (String ref : outside) {
            assertFalse(ref.contains("://"), documentUrl + " refers to " + ref + ": not relative");
            given().get(java.net.URI.create(documentUrl).resolve(ref).toString()).then().statusCode(200);
        }
        assertFalse(outside.isEmpty(), "no reference found in " + documentUrl);
        return outside;
    }

    private static Response preflight(String url, String origin) {
        return given().header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type").options(url);
    }

    /**
     * A sync client catching up after a day offline, with the stack's default rate limits: 300 requests back to back
     * (far more than a page-by-page sync of a few thousand contacts makes) and none answered 429.
     */
    private static void assertASyncClientIsNotThrottled(String contactsUrl, String token, String contactId) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (int i = 0; i < 300; i++) {
            int status = given().auth().oauth2(token).get(contactsUrl + (i % 2 == 0 ? "/v1/contacts?limit=100"
                    : "/v1/contacts/" + contactId)).statusCode();
            statuses.merge(status, 1, Integer::sum);
        }
        assertEquals(Map.of(200, 300), statuses);
    }

    private static void awaitSummary(String summaryUrl, String token, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                given().auth().oauth2(token).get(summaryUrl)
                        .then().statusCode(200).body("displayName", equalTo("Katherine Johnson")));
    }

    private record Ports(int postgres, int kafka, int controller, int contacts, int interactions, int reminders) {
        static Ports pick() throws IOException {
            return new Ports(LauncherProcess.freePort(), LauncherProcess.freePort(), LauncherProcess.freePort(),
                    LauncherProcess.freePort(), LauncherProcess.freePort(), LauncherProcess.freePort());
        }

        List<String> options() {
            return List.of("--postgres-port=" + postgres, "--kafka-port=" + kafka,
                    "--kafka-controller-port=" + controller, "--contacts-port=" + contacts,
                    "--interactions-port=" + interactions, "--reminders-port=" + reminders);
        }

        List<Integer> services() {
            return List.of(contacts, interactions, reminders);
        }

        String contactsUrl() {
            return "http://localhost:" + contacts;
        }

        String interactionsUrl() {
            return "http://localhost:" + interactions;
        }

        String remindersUrl() {
            return "http://localhost:" + reminders;
        }
    }
}
