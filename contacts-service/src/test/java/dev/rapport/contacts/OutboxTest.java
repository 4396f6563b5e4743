package dev.rapport.contacts;

import dev.rapport.local.LocalKafka;
import dev.rapport.kit.tenancy.WorkspaceContext;
import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import dev.rapport.testing.TestEvents;
import dev.rapport.testing.TestInfrastructure;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The transactional outbox against the real broker and database: outages, rollbacks, order of commits. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class OutboxTest {

    private static final String TOPIC = "rapport.contacts.v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxProbe probe;

    @Inject
    WorkspaceContext workspaces;

    @Test
    void contactsAcknowledgedDuringABrokerOutageArePublishedOnceWhenItIsBack() throws Exception {
        LocalKafka kafka = TestInfrastructure.get().kafka();
        assertEquals(bootstrapServers, kafka.bootstrapServers(), "the broker this service talks to");
        int count = 20;
        List<String> ids = new ArrayList<>();
        kafka.stop();
        try {
            for (int i = 0; i < count; i++) {
                ids.add(given().auth().oauth2(TestTokens.member("outbox-test")).contentType(ContentType.JSON)
                        .body("{\"displayName\":\"Outage " + i + "\"}")
                        .post("/v1/contacts").then().statusCode(201).extract().path("id"));
            }
            assertEquals(count, pendingFor(ids), "all events wait in the outbox while the broker is down");
        } finally {
            kafka.start();
        }

        Map<String, List<ConsumerRecord<String, String>>> byContact = consumeUntilAllSeen(Set.copyOf(ids),
                Duration.ofSeconds(60));
        for (String id : ids) {
            List<ConsumerRecord<String, String>> records = byContact.get(id);
            assertEquals(1, records.size(), "contact " + id + " published exactly once");
            assertEquals("dev.rapport.contact.created.v1", TestEvents.header(records.get(0), "ce_type"));
        }
        assertEquals(0, pendingFor(ids));
    }

    @Test
    void aRolledBackTransactionPublishesNothing() throws Exception {
        UUID rolledBack = UUID.randomUUID();
        IllegalStateException failure = assertThrows(IllegalStateException.class,
                () -> workspaces.callAs("outbox-test", () -> {
                    probe.appendThenFail(rolledBack);
                    return null;
                }));
        assertEquals("rolled back on purpose", failure.getMessage());
        assertEquals(0, rowsFor(List.of(rolledBack.toString())), "no outbox row survives the rollback");

        // Committed after the failed attempt: once it is on the topic, anything committed before it would be too.
        String marker = given().auth().oauth2(TestTokens.member("outbox-test")).contentType(ContentType.JSON).body("{\"displayName\":\"After rollback\"}")
                .post("/v1/contacts").then().statusCode(201).extract().path("id");
        Map<String, List<ConsumerRecord<String, String>>> seen =
                consumeUntilAllSeen(Set.of(marker), Duration.ofSeconds(30), rolledBack.toString());
        assertTrue(seen.getOrDefault(rolledBack.toString(), List.of()).isEmpty(), "rolled-back event was published");
    }

    @Test
    void appendingOutsideATransactionIsRefused() {
        assertThrows(TransactionalException.class, () -> probe.appendWithoutTransaction(UUID.randomUUID()));
    }

    private int pendingFor(List<String> subjects) throws SQLException {
        return count("select count(*) from outbox_event where published_at is null and subject = any(?)", subjects);
    }

    private int rowsFor(List<String> subjects) throws SQLException {
        return count("select count(*) from outbox_event where subject = any(?)", subjects);
    }

    private int count(String sql, List<String> subjects) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setArray(1, connection.createArrayOf("text", subjects.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Reads the topic from the start until every wanted key was seen, then a little longer for duplicates. */
    private Map<String, List<ConsumerRecord<String, String>>> consumeUntilAllSeen(Set<String> wanted, Duration timeout,
                                                                                  String... alsoWatch) {
        Set<String> watched = new HashSet<>(wanted);
        watched.addAll(List.of(alsoWatch));
        Map<String, List<ConsumerRecord<String, String>>> byKey = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "outbox-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + timeout.toNanos();
            long settleUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settleUntil)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (watched.contains(record.key())) {
                        byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(record);
                    }
                }
                if (settleUntil == Long.MAX_VALUE && byKey.keySet().containsAll(wanted)) {
                    settleUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
        }
        assertTrue(byKey.keySet().containsAll(wanted), "not all events arrived within " + timeout);
        return byKey;
    }
}
