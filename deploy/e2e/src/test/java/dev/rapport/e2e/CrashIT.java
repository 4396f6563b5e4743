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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service killed with SIGKILL at the two moments that matter: after a consumer applied an event but before its
 * offset was committed (the event comes again after the restart and is applied once), and after a write was committed
 * but before its event was published (the restarted relay publishes it). Both moments are made certain rather than
 * hoped for: interactions-service commits consumed offsets only every ten minutes here, and the broker is down while
 * contacts-service takes the write it is killed after.
 */
@org.junit.jupiter.api.Order(12)
class CrashIT {

    /** The throttled commit strategy commits every auto.commit.interval.ms: long enough that a kill always precedes it. */
    private static final Map<Service, Map<String, String>> OFFSETS_COMMITTED_LATE = Map.of(Service.INTERACTIONS, Map.of(
            "mp.messaging.incoming.contact-events.auto.commit.interval.ms", "600000",
            // The group hands a killed member's partitions on once its session times out: 10 s, not Kafka's 45 s.
            "mp.messaging.incoming.contact-events.session.timeout.ms", "10000"));

    @TempDir
    static Path dataDir;

    private static LocalStack stack;
    private static String token;

    @BeforeAll
    static void startStack() throws Exception {
        SharedStack.stop();
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, Ports.free());
        }
        stack = LocalStack.start(new LocalStack.Settings(LauncherProcess.HOME, dataDir, Ports.free(), Ports.free(),
                Ports.free(), ports, false), LocalStack.withLimitsOutOfReach(OFFSETS_COMMITTED_LATE));
        token = Tokens.sign(Tokens.Spec.of("crash", "crash-user", "member"), stack.keys().privateKey());
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anEventAppliedButNotYetCommittedComesAgainAfterACrashAndIsAppliedOnce() throws Exception {
        String id = createContact("Applied Before The Crash");
        String interactions = stack.infrastructure().postgres().jdbcUrl(Service.INTERACTIONS.database);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(interactions,
                "select count(*) from contact_projection where workspace_id = 'crash' and contact_id::text = ?", id) == 1);

        stack.crash(Service.INTERACTIONS);
        stack.restart(Service.INTERACTIONS);

        // Redelivered: the restarted consumer starts from the last committed offset, before this event, and skips it.
        await().atMost(Duration.ofSeconds(60)).until(() -> duplicatesSkipped("interactions.contact-projection") >= 1);
        assertEquals(1, count(interactions, "select count(*) from contact_projection where workspace_id = 'crash' and contact_id::text = ?", id));
        // One contact.created event per contact of the workspace (the other test may have made one too): each recorded once.
        assertEquals(count(interactions, "select count(*) from contact_projection where workspace_id = ?", "crash"),
                count(interactions, "select count(*) from inbox_event where workspace_id = 'crash' and consumer = ?",
                        "interactions.contact-projection"), "each event is recorded once");
        given().auth().oauth2(token).get(stack.url(Service.INTERACTIONS) + Service.INTERACTIONS.summaryPath(id))
                .then().statusCode(200);
    }

    @Test
    void aWriteCommittedButNotYetPublishedIsPublishedByTheRestartedService() throws Exception {
        LocalKafka kafka = stack.infrastructure().kafka();
        String contacts = stack.infrastructure().postgres().jdbcUrl(Service.CONTACTS.database);
        String id;
        kafka.stop();
        try {
            id = createContact("Committed Before The Crash");
            assertEquals(1, count(contacts, "select count(*) from outbox_event where workspace_id = 'crash' and subject = ?"
                    + " and published_at is null", id), "acknowledged, in the outbox, not yet published");
            stack.crash(Service.CONTACTS);
        } finally {
            kafka.start();
        }
        stack.restart(Service.CONTACTS);

        await().atMost(Duration.ofSeconds(60)).until(() -> count(contacts,
                "select count(*) from outbox_event where workspace_id = 'crash' and subject = ? and published_at is null", id) == 0);
        for (Service consumer : new Service[] {Service.INTERACTIONS, Service.REMINDERS}) {
            String jdbcUrl = stack.infrastructure().postgres().jdbcUrl(consumer.database);
            await().atMost(Duration.ofSeconds(60)).until(() -> count(jdbcUrl,
                    "select count(*) from contact_projection where workspace_id = 'crash' and contact_id::text = ?", id) == 1);
        }
        given().auth().oauth2(token).get(stack.url(Service.CONTACTS) + "/v1/contacts/" + id).then().statusCode(200);
    }

    private static String createContact(String name) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"displayName\":\"" + name + "\"}")
                .post(stack.url(Service.CONTACTS) + "/v1/contacts").then().statusCode(201).extract().path("id");
    }

    /** rapport_events_consumed_total{consumer, outcome="duplicate"} of interactions-service, from its Prometheus page. */
    private static double duplicatesSkipped(String consumer) {
        String metrics = given().get(stack.url(Service.INTERACTIONS) + "/q/metrics").asString();
        Matcher line = Pattern.compile("rapport_events_consumed_total\\{([^}]*)} ([0-9.Ee+-]+)").matcher(metrics);
        double total = 0;
        while (line.find()) {
            if (line.group(1).contains("consumer=\"" + consumer + "\"") && line.group(1).contains("outcome=\"duplicate\"")) {
                total += Double.parseDouble(line.group(2));
            }
        }
        return total;
    }

    private static int count(String jdbcUrl, String sql, String parameter) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
