package dev.rapport.reminders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.rapport.directory.ContactFixtures;
import dev.rapport.reminders.service.WebhookDispatcher;
import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhooks end to end in the service: events from Kafka, deliveries over real HTTP to receivers in this test. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class WebhookTest {

    private static final String CREATED = "dev.rapport.reminder.created.v1";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    WebhookDispatcher dispatcher;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private final List<Receiver> receivers = new ArrayList<>();

    @AfterEach
    void stopReceivers() {
        receivers.forEach(Receiver::stop);
    }

    @Test
    void aReminderCreatedReachesTheWebhookAsASignedCloudEvent() throws Exception {
        String workspace = "hooks-" + UUID.randomUUID();
        String token = TestTokens.member(workspace);
        Receiver receiver = receiver(() -> 204);
        JsonPath registered = register(token, receiver.url(), CREATED);
        String secret = registered.getString("secret");
        assertTrue(secret.startsWith("whsec_"), secret);
        String webhook = registered.getString("webhook.id");

        String reminder = createReminder(token, "Call Ada about the engine");
        awaitDeliveries(token, webhook, 1);
        dispatcher.dispatch().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        Received request = receiver.only();
        assertEquals("application/cloudevents+json; charset=utf-8", request.header("content-type"));
        JsonNode event = new ObjectMapper().readTree(request.body());
        assertEquals("1.0", event.path("specversion").asText());
        assertEquals(CREATED, event.path("type").asText());
        assertEquals(reminder, event.path("subject").asText());
        assertEquals("Call Ada about the engine", event.path("data").path("text").asText());
        assertEquals(event.path("id").asText(), request.header("webhook-id"));
        assertEquals(expectedSignature(secret, request), request.header("webhook-signature"));
        long sentAt = Long.parseLong(request.header("webhook-timestamp"));
        assertTrue(Math.abs(sentAt - System.currentTimeMillis() / 1000) < 60, "a current timestamp");

        given().auth().oauth2(token).get("/v1/webhooks/" + webhook + "/deliveries").then().statusCode(200)
                .body("items[0].status", equalTo("succeeded"))
                .body("items[0].attempts", equalTo(1))
                .body("items[0].lastStatus", equalTo(204))
                .body("items[0].eventId", equalTo(request.header("webhook-id")));
    }

    @Test
    void aFailingReceiverIsRetriedWithBackoffUntilItAnswersAndAReplaySendsTheSameEventAgain() throws Exception {
        String workspace = "hooks-" + UUID.randomUUID();
        String token = TestTokens.member(workspace);
        AtomicInteger status = new AtomicInteger(503);
        Receiver receiver = receiver(status::get);
        String webhook = register(token, receiver.url(), CREATED).getString("webhook.id");
        createReminder(token, "Send the paper");
        awaitDeliveries(token, webhook, 1);

        dispatcher.dispatch().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        JsonPath failed = deliveries(token, webhook);
        assertEquals("pending", failed.getString("items[0].status"));
        assertEquals(503, failed.getInt("items[0].lastStatus"));
        assertEquals("HTTP 503", failed.getString("items[0].lastError"));
        Duration backoff = Duration.between(java.time.Instant.parse(failed.getString("items[0].lastAttemptAt")),
                java.time.Instant.parse(failed.getString("items[0].nextAttemptAt")));
        assertTrue(backoff.compareTo(Duration.ofMillis(200)) >= 0, "the next attempt waits rapport.webhooks.first-retry: " + backoff);

        status.set(200);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            dispatcher.dispatch().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return "succeeded".equals(deliveries(token, webhook).getString("items[0].status"));
        });
        assertEquals(2, deliveries(token, webhook).getInt("items[0].attempts"));
        assertEquals(receiver.received.get(0).header("webhook-id"), receiver.received.get(1).header("webhook-id"),
                "a retry is the same message");

        String delivery = deliveries(token, webhook).getString("items[0].id");
        String location = given().auth().oauth2(token).post("/v1/webhooks/" + webhook + "/deliveries/" + delivery + "/replay")
                .then().statusCode(202).body("status", equalTo("pending")).body("attempts", equalTo(0))
                .extract().header("Location");
        assertTrue(location.endsWith("/v1/webhooks/" + webhook + "/deliveries/" + delivery), location);
        given().auth().oauth2(token).get(location).then().statusCode(200).body("status", equalTo("pending"));
        dispatcher.dispatch().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(3, receiver.received.size());
        assertEquals(receiver.received.get(0).body(), receiver.received.get(2).body());
    }

    @Test
    void aSlowReceiverDoesNotHoldBackAnotherOne() throws Exception {
        String workspace = "hooks-" + UUID.randomUUID();
        String token = TestTokens.member(workspace);
        CountDownLatch release = new CountDownLatch(1);
        Receiver slow = slowReceiver(release);
        Receiver quick = receiver(() -> 200);
        String slowHook = register(token, slow.url(), CREATED).getString("webhook.id");
        String quickHook = register(token, quick.url(), CREATED).getString("webhook.id");
        createReminder(token, "Lunch with Grace");
        awaitDeliveries(token, slowHook, 1);
        awaitDeliveries(token, quickHook, 1);

        var round = dispatcher.dispatch();
        await().atMost(WAIT).until(() -> "succeeded".equals(deliveries(token, quickHook).getString("items[0].status")));
        JsonPath stillSending = deliveries(token, slowHook);
        assertEquals("pending", stillSending.getString("items[0].status"), "the slow one is still answering");
        assertEquals(1, slow.received.size());
        release.countDown();
        round.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals("succeeded", deliveries(token, slowHook).getString("items[0].status"));
    }

    @Test
    void anEndpointNeverHasMoreThanFourAttemptsInFlightWhileItIsSlow() throws Exception {
        String token = TestTokens.member("hooks-" + UUID.randomUUID());
        CountDownLatch release = new CountDownLatch(1);
        Receiver slow = slowReceiver(release);
        String webhook = register(token, slow.url(), CREATED).getString("webhook.id");
        for (int n = 0; n < 6; n++) {
            createReminder(token, "Reminder " + n);
        }
        awaitDeliveries(token, webhook, 6);

        var first = dispatcher.dispatch();
        await().atMost(WAIT).until(() -> slow.received.size() == 4);
        var second = dispatcher.dispatch();
        second.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(4, slow.received.size(), "a round while four are open sends nothing more to that endpoint");
        release.countDown();
        first.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        dispatcher.dispatch().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(6, slow.received.size());
    }

    @Test
    void aColleaguesWebhookGetsTheWorkspacesKeepInTouchButNothingAboutMyPrivateContact() throws Exception {
        String workspace = "hooks-" + UUID.randomUUID();
        ContactFixtures contacts = new ContactFixtures(kafka, workspace);
        String shared = contacts.contact("Ada Lovelace");
        String secret = contacts.contact("Alan Turing", "private", "member-of-" + workspace, List.of(), null);
        Receiver colleagues = receiver(() -> 200);
        String hook = register(TestTokens.otherMember(workspace), colleagues.url(), CREATED).getString("webhook.id");
        for (String contact : List.of(secret, shared)) {
            given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON)
                    .body(Map.of("contactId", contact, "every", "P30D")).post("/v1/cadences").then().statusCode(201);
        }
        awaitDeliveries(TestTokens.otherMember(workspace), hook, 1);
        // Both cadences' events are consumed by now or soon: the private one must never add a delivery.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> deliveries(TestTokens.otherMember(workspace), hook).getList("items").size() == 1);
        dispatcher.dispatch().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        JsonNode event = new ObjectMapper().readTree(colleagues.only().body());
        assertEquals("keep-in-touch", event.path("data").path("kind").asText());
        assertEquals(shared, event.path("data").path("contactId").asText());
    }

    @Test
    void anEndpointThatKeepsFailingIsDisabledSaysWhyAndCanBeEnabledAgain() throws Exception {
        String workspace = "hooks-" + UUID.randomUUID();
        String token = TestTokens.member(workspace);
        AtomicInteger status = new AtomicInteger(500);
        Receiver receiver = receiver(status::get);
        String webhook = register(token, receiver.url(), CREATED).getString("webhook.id");
        createReminder(token, "Renew the library card");
        awaitDeliveries(token, webhook, 1);

        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            dispatcher.dispatch().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return "disabled".equals(given().auth().oauth2(token).get("/v1/webhooks/" + webhook).then().extract().path("status"));
        });
        given().auth().oauth2(token).get("/v1/webhooks/" + webhook).then()
                .body("disabledReason", containsString("HTTP 500"))
                .body("failingSince", org.hamcrest.Matchers.notNullValue());
        int sent = receiver.received.size();
        Thread.sleep(500);
        dispatcher.dispatch().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(sent, receiver.received.size(), "nothing is sent to a disabled endpoint");

        status.set(200);
        given().auth().oauth2(token).post("/v1/webhooks/" + webhook + "/enable").then().statusCode(200)
                .body("status", equalTo("active")).body("disabledReason", org.hamcrest.Matchers.nullValue());
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            dispatcher.dispatch().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            return "succeeded".equals(deliveries(token, webhook).getString("items[0].status"));
        });
    }

    @Test
    void aWebhookReceivesOnlyWhatItsCreatorMaySeeAndNothingOfAnotherWorkspace() throws Exception {
        String workspace = "hooks-" + UUID.randomUUID();
        Receiver mine = receiver(() -> 200);
        Receiver colleagues = receiver(() -> 200);
        Receiver elsewhere = receiver(() -> 200);
        String mineHook = register(TestTokens.member(workspace), mine.url(), CREATED).getString("webhook.id");
        register(TestTokens.otherMember(workspace), colleagues.url(), CREATED);
        register(TestTokens.member("hooks-" + UUID.randomUUID()), elsewhere.url(), CREATED);

        // A one-off reminder is its owner's alone.
        createReminder(TestTokens.member(workspace), "My own reminder");
        awaitDeliveries(TestTokens.member(workspace), mineHook, 1);
        // Every webhook queued what it gets from this event by now: the same batch.
        dispatcher.dispatch().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(1, mine.received.size());
        assertEquals(0, colleagues.received.size());
        assertEquals(0, elsewhere.received.size());
    }

    @Test
    void aRotatedSecretSignsWithTheNewAndTheOldSecretWhileReceiversSwitch() throws Exception {
        String token = TestTokens.member("hooks-" + UUID.randomUUID());
        Receiver receiver = receiver(() -> 200);
        JsonPath registered = register(token, receiver.url(), CREATED);
        String webhook = registered.getString("webhook.id");
        String rotated = given().auth().oauth2(token).post("/v1/webhooks/" + webhook + "/rotate-secret").then()
                .statusCode(200).body("webhook.previousSecretValidUntil", org.hamcrest.Matchers.notNullValue())
                .extract().path("secret");
        createReminder(token, "After the rotation");
        awaitDeliveries(token, webhook, 1);
        dispatcher.dispatch().get(WAIT.toSeconds(), TimeUnit.SECONDS);

        Received request = receiver.only();
        assertEquals(expectedSignature(rotated, request) + " " + expectedSignature(registered.getString("secret"), request),
                request.header("webhook-signature"));
    }

    @Test
    void urlsThisServiceMustNotCallAndUnknownEventTypesAreRefused() {
        String token = TestTokens.member("hooks-" + UUID.randomUUID());
        for (String url : List.of("http://169.254.169.254/latest/meta-data", "http://127.0.0.1:8083/q/health",
                "http://10.0.0.7/hook", "ftp://example.com/hook", "https://user:pw@example.com/hook", "not a url")) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("url", url, "eventTypes", List.of(CREATED))).post("/v1/webhooks")
                    .then().statusCode(422).body("violations[0].field", equalTo("url"));
        }
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", "http://localhost:9/hook", "eventTypes", List.of("dev.rapport.contact.exploded.v1")))
                .post("/v1/webhooks").then().statusCode(422).body("violations[0].field", equalTo("eventTypes"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", "http://localhost:9/hook")).post("/v1/webhooks")
                .then().statusCode(422).body("violations[0].field", equalTo("eventTypes"))
                .body("violations[0].message", equalTo("is required"));
        given().auth().oauth2(token).contentType(ContentType.TEXT)
                .body("{\"url\":\"http://localhost:9/hook\",\"eventTypes\":[\"" + CREATED + "\"]}").post("/v1/webhooks")
                .then().statusCode(415);
        given().auth().oauth2(TestTokens.reader("hooks-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body(Map.of("url", "http://localhost:9/hook", "eventTypes", List.of(CREATED)))
                .post("/v1/webhooks").then().statusCode(403);
    }

    @Test
    void theDocumentedEventTypesAreExactlyTheOnesAWebhookMayAskFor() {
        List<String> documented = given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath()
                .getList("components.schemas.WebhookEventType.enum");
        assertEquals(dev.rapport.reminders.service.Webhooks.EVENT_TYPES, documented);
    }

    // --- helpers

    private JsonPath register(String token, String url, String type) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of(type), "description", "test receiver"))
                .post("/v1/webhooks").then().statusCode(201).extract().jsonPath();
    }

    private static String createReminder(String token, String text) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("text", text, "due", "2027-03-01")).post("/v1/reminders")
                .then().statusCode(201).extract().path("id");
    }

    private static JsonPath deliveries(String token, String webhook) {
        return given().auth().oauth2(token).get("/v1/webhooks/" + webhook + "/deliveries").then().statusCode(200)
                .extract().jsonPath();
    }

    private static void awaitDeliveries(String token, String webhook, int count) {
        await().atMost(WAIT).until(() -> deliveries(token, webhook).getList("items").size() == count);
    }

    /** Standard Webhooks: base64 HMAC-SHA256 of id.timestamp.body, keyed with the secret's bytes. */
    private static String expectedSignature(String secret, Received request) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signed = request.header("webhook-id") + "." + request.header("webhook-timestamp") + "." + request.body();
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    /** Answers 200 once {@code release} is counted down. */
    private Receiver slowReceiver(CountDownLatch release) throws Exception {
        return receiver(() -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 200;
        });
    }

    private Receiver receiver(IntSupplier status) throws Exception {
        Receiver receiver = new Receiver(status);
        receivers.add(receiver);
        return receiver;
    }

    record Received(Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** A webhook receiver on loopback, answering each POST with the status the test chooses. */
    static final class Receiver {
        final List<Received> received = new CopyOnWriteArrayList<>();
        private final HttpServer server;

        Receiver(IntSupplier status) throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/hook", exchange -> {
                received.add(new Received(Map.copyOf(exchange.getRequestHeaders()),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                int answer = status.getAsInt();
                exchange.sendResponseHeaders(answer, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://localhost:" + server.getAddress().getPort() + "/hook";
        }

        Received only() {
            assertEquals(1, received.size(), "one request");
            return received.get(0);
        }

        void stop() {
            server.stop(0);
        }
    }
}
