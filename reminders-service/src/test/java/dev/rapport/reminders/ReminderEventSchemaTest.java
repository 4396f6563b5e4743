package dev.rapport.reminders;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.directory.ContactFixtures;
import dev.rapport.events.ReminderEventTypes;
import dev.rapport.testing.EventContract;
import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The producer owns its event schemas: everything it emits must match them (the examples are checked in reminder-events). */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class ReminderEventSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final EventContract CONTRACT = new EventContract(ReminderEventTypes.ALL, ReminderEventTypes.RESOURCES,
            "reminders", ReminderEventTypes.TOPIC);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    dev.rapport.reminders.service.DueScheduler scheduler;

    @Test
    void everyEventInTheOutboxMatchesTheSchemaOfItsType() throws Exception {
        String workspace = "reminder-schema-" + UUID.randomUUID();
        ContactFixtures contacts = new ContactFixtures(kafka, workspace);
        Interactions interactions = new Interactions(kafka, workspace);
        String ada = contacts.contact("Ada");
        String token = TestTokens.member(workspace);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"contactId\":\"" + ada + "\",\"every\":\"P30D\"}")
                .post("/v1/cadences").then().statusCode(201);
        interactions.state(Interactions.newId(), 0, "2026-11-30T10:00:00Z", "Europe/Paris", List.of(ada), "2026-12-05", "Send it");
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        String timed = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"text\":\"Call\",\"due\":\"" + yesterday + "\",\"time\":\"09:30\",\"timeZone\":\"Asia/Tokyo\",\"every\":\"P1M\"}")
                .post("/v1/reminders").then().statusCode(201).extract().path("id");
        String once = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"text\":\"Once\",\"due\":\"2027-01-01\",\"contactId\":\"" + ada + "\"}")
                .post("/v1/reminders").then().statusCode(201).extract().path("id");
        scheduler.announceDue(Instant.now());
        given().auth().oauth2(token).post("/v1/reminders/{id}/complete", timed).then().statusCode(200);
        given().auth().oauth2(token).post("/v1/reminders/{id}/dismiss", once).then().statusCode(200);
        given().auth().oauth2(token).contentType("application/merge-patch+json").header("If-Match", "\"1\"")
                .body("{\"text\":\"Twice\"}").patch("/v1/reminders/{id}", once)
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token).queryParam("kind", "follow-up")
                .get("/v1/reminders").<List<?>>path("items").size() == 1);
        contacts.delete(ada, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token).queryParam("kind", "keep-in-touch")
                .get("/v1/reminders").<List<?>>path("items").isEmpty());

        Set<String> types = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select id, type, cast(payload as text) from outbox_event where workspace_id = ?")) {
            query.setString(1, workspace);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    CONTRACT.assertValid(rows.getString(2), JSON.readTree(rows.getString(3)), "event " + rows.getString(1));
                    types.add(rows.getString(2));
                }
            }
        }
        assertEquals(new TreeSet<>(ReminderEventTypes.ALL), types);
    }
}
