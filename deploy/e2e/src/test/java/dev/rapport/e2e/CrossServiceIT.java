package dev.rapport.e2e;

import dev.rapport.local.LocalKafka;
import dev.rapport.local.LocalStack;
import dev.rapport.local.LocalStack.Service;
import dev.rapport.local.Ports;
import dev.rapport.local.Tokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Flows that start at contacts-service's API and end in the other two services, on the packaged services
 * with PostgreSQL and the broker in this JVM (so a test can stop and restart the broker).
 */
class CrossServiceIT {

    private static final int CONTACTS = 25;
    private static final List<Service> CONSUMERS = List.of(Service.INTERACTIONS, Service.REMINDERS);

    @TempDir
    static Path dataDir;

    private static LocalStack stack;

    @BeforeAll
    static void startStack() throws Exception {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, Ports.free());
        }
        stack = LocalStack.start(new LocalStack.Settings(LauncherProcess.HOME, dataDir, Ports.free(),
                Ports.free(), Ports.free(), ports, false));
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aContactsChangesAndErasureReachBothServices() {
        String workspace = "lifecycle";
        String token = Tokens.sign(Tokens.Spec.of(workspace, "lifecycle-user", "member"), stack.keys().privateKey());
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"givenName\":\"Katherine\",\"familyName\":\"Goble\",\"birthday\":{\"month\":8,\"day\":26,\"year\":1918}}")
                .post(stack.url(Service.CONTACTS) + "/v1/contacts").then().statusCode(201).extract().path("id");
        for (Service consumer : CONSUMERS) {
            awaitSummary(consumer, token, id, 200, "Katherine Goble");
            given().auth().oauth2(token).get(stack.url(consumer) + "/v1/contacts/" + id + "/summary")
                    .then().body("birthday.month", equalTo(8)).body("birthday.day", equalTo(26));
        }

        given().auth().oauth2(token).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"familyName\":\"Johnson\"}")
                .patch(stack.url(Service.CONTACTS) + "/v1/contacts/" + id).then().statusCode(200);
        for (Service consumer : CONSUMERS) {
            awaitSummary(consumer, token, id, 200, "Katherine Johnson");
        }

        given().auth().oauth2(token).header("If-Match", "\"1\"")
                .delete(stack.url(Service.CONTACTS) + "/v1/contacts/" + id).then().statusCode(204);
        for (Service consumer : CONSUMERS) {
            awaitSummary(consumer, token, id, 404, null);
        }
    }

    @Test
    void aMergeAndItsUndoReachBothServices() {
        String token = Tokens.sign(Tokens.Spec.of("merging", "merge-user", "member"), stack.keys().privateKey());
        String survivor = create(token, "{\"displayName\":\"Dorothy Vaughan\"}");
        String absorbed = create(token, "{\"displayName\":\"D. Vaughan\"}");
        for (Service consumer : CONSUMERS) {
            awaitSummary(consumer, token, absorbed, 200, "D. Vaughan");
        }

        String mergeId = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"absorb\":[\"" + absorbed + "\"]}")
                .post(stack.url(Service.CONTACTS) + "/v1/contacts/" + survivor + "/merge").then().statusCode(200)
                .extract().path("mergeId");
        for (Service consumer : CONSUMERS) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    given().auth().oauth2(token).redirects().follow(false)
                            .get(stack.url(consumer) + "/v1/contacts/" + absorbed + "/summary")
                            .then().statusCode(308).header("Location", endsWith("/v1/contacts/" + survivor + "/summary")));
        }

        given().auth().oauth2(token).post(stack.url(Service.CONTACTS) + "/v1/merges/" + mergeId + "/undo").then().statusCode(200);
        for (Service consumer : CONSUMERS) {
            awaitSummary(consumer, token, absorbed, 200, "D. Vaughan");
        }
    }

    private static String create(String token, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json)
                .post(stack.url(Service.CONTACTS) + "/v1/contacts").then().statusCode(201).extract().path("id");
    }

    @Test
    void aPrivateContactStaysPrivateInTheOtherServices() {
        String workspace = "privacy";
        String owner = Tokens.sign(Tokens.Spec.of(workspace, "owner", "member"), stack.keys().privateKey());
        String colleague = Tokens.sign(Tokens.Spec.of(workspace, "colleague", "member"), stack.keys().privateKey());
        String id = given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body("{\"displayName\":\"Only Mine\",\"visibility\":\"private\"}")
                .post(stack.url(Service.CONTACTS) + "/v1/contacts").then().statusCode(201).extract().path("id");
        for (Service consumer : CONSUMERS) {
            awaitSummary(consumer, owner, id, 200, "Only Mine");
            given().auth().oauth2(colleague).get(stack.url(consumer) + "/v1/contacts/" + id + "/summary")
                    .then().statusCode(404);
        }
    }

    private static void awaitSummary(Service consumer, String token, String id, int status, String displayName) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            var response = given().auth().oauth2(token).get(stack.url(consumer) + "/v1/contacts/" + id + "/summary")
                    .then().statusCode(status);
            if (displayName != null) {
                response.body("displayName", equalTo(displayName));
            }
        });
    }

    /** Acknowledged while Kafka is down, delivered once it is back, and each applied exactly once. */
    @Test
    void contactsCreatedDuringABrokerOutageReachBothServicesExactlyOnce() throws Exception {
        {
            LocalKafka kafka = stack.infrastructure().kafka();
            String token = Tokens.sign(Tokens.Spec.of("outage", "outage-user", "member"), stack.keys().privateKey());
            List<String> ids = new ArrayList<>();
            kafka.stop();
            try {
                for (int i = 0; i < CONTACTS; i++) {
                    ids.add(given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"displayName\":\"Outage " + i + "\"}")
                            .post(stack.url(Service.CONTACTS) + "/v1/contacts")
                            .then().statusCode(201).extract().path("id"));
                }
            } finally {
                kafka.start();
            }

            for (Service consumer : CONSUMERS) {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    for (String id : ids) {
                        given().auth().oauth2(token).get(stack.url(consumer) + "/v1/contacts/" + id + "/summary").then().statusCode(200);
                    }
                });
                String jdbcUrl = stack.infrastructure().postgres().jdbcUrl(consumer.database);
                assertEquals(CONTACTS, count(jdbcUrl, "select count(*) from inbox_event where workspace_id = 'outage'"),
                        consumer + " recorded each event once");
                assertEquals(CONTACTS, count(jdbcUrl, "select count(*) from contact_projection where workspace_id = 'outage'"),
                        consumer + " projected each contact once");
            }
        }
    }

    private static int count(String jdbcUrl, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
