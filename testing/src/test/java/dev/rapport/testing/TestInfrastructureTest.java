package dev.rapport.testing;

import dev.rapport.local.Infrastructure;
import dev.rapport.local.LocalPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestInfrastructureTest {

    @Test
    void sharedInfrastructureHostsTheThreeDatabasesAndTheTopics() throws Exception {
        Infrastructure infra = TestInfrastructure.get();
        assertSame(infra, TestInfrastructure.get(), "one infrastructure per JVM");
        for (String database : LocalPostgres.DATABASES) {
            try (Connection c = DriverManager.getConnection(infra.postgres().jdbcUrl(database), "postgres", "");
                 ResultSet rs = c.createStatement().executeQuery("select current_database()")) {
                assertTrue(rs.next());
                assertEquals(database, rs.getString(1));
            }
        }
        String key = "hello-" + UUID.randomUUID();
        String bootstrap = infra.kafka().bootstrapServers();
        for (String topic : Infrastructure.allTopics()) {
            TestEvents.sendRaw(bootstrap, topic, key, "payload");
            assertEquals("payload", TestEvents.awaitRecord(bootstrap, topic, key, Duration.ofSeconds(20)).value(), topic);
        }
    }
}
