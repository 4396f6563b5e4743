package dev.rapport.e2e;

import dev.rapport.local.LocalKafka;
import dev.rapport.local.LocalStack;
import dev.rapport.local.LocalStack.Service;
import dev.rapport.local.Ports;
import dev.rapport.local.Tokens;
import io.restassured.http.ContentType;
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
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Contacts acknowledged while Kafka is down reach both consuming services once it is back, and each is
 * applied exactly once. The broker runs in this JVM so the test can stop and restart it.
 */
class BrokerOutageIT {

    private static final int CONTACTS = 25;

    @Test
    void contactsCreatedDuringABrokerOutageReachBothServicesExactlyOnce(@TempDir Path dataDir) throws Exception {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, Ports.free());
        }
        LocalStack.Settings settings = new LocalStack.Settings(LauncherProcess.HOME, dataDir, Ports.free(),
                Ports.free(), Ports.free(), ports, false);
        try (LocalStack stack = LocalStack.start(settings)) {
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

            for (Service consumer : List.of(Service.INTERACTIONS, Service.REMINDERS)) {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    for (String id : ids) {
                        given().auth().oauth2(token).get(stack.url(consumer) + "/v1/contacts/" + id + "/summary").then().statusCode(200);
                    }
                });
                String jdbcUrl = stack.infrastructure().postgres().jdbcUrl(consumer.database);
                assertEquals(CONTACTS, count(jdbcUrl, "select count(*) from inbox_event"),
                        consumer + " recorded each event once");
                assertEquals(CONTACTS, count(jdbcUrl, "select count(*) from contact_projection"),
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
