package dev.rapport.interactions;

import dev.rapport.directory.ContactFixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.events.InteractionEventTypes;
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
import java.sql.ResultSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The producer owns its event schemas: everything it emits must match them (the examples are checked in interaction-events). */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class InteractionEventSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The published contract, read from the interaction-events jar as every reader gets it. */
    private static final EventContract CONTRACT = new EventContract(InteractionEventTypes.ALL,
            InteractionEventTypes.RESOURCES, "interactions", InteractionEventTypes.TOPIC);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyEventInTheOutboxMatchesTheSchemaOfItsType() throws Exception {
        String workspace = "schema-" + UUID.randomUUID();
        ContactFixtures contacts = new ContactFixtures(kafka, workspace);
        String ada = contacts.contact("Ada");
        String charles = contacts.contact("Charles");
        String token = TestTokens.member(workspace);
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"kind\":\"video_call\","
                        + "\"occurredAt\":\"2026-11-30T14:00:00+09:00\",\"timeZone\":\"Asia/Tokyo\",\"durationMinutes\":30,"
                        + "\"participants\":[{\"contactId\":\"" + ada + "\"},{\"contactId\":\"" + charles + "\"}],"
                        + "\"followUp\":{\"due\":\"2026-12-01\",\"text\":\"Intro to Grace\"},\"tags\":[\"x\"]}")
                .post("/v1/interactions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"followUp\":null}").patch("/v1/interactions/{id}", id).then().statusCode(200);
        String other = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"kind\":\"note\","
                        + "\"occurredAt\":\"2026-11-30T15:00:00Z\",\"participants\":[{\"contactId\":\"" + charles + "\"}]}")
                .post("/v1/interactions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).header("If-Match", "\"0\"").delete("/v1/interactions/{id}", other).then().statusCode(204);
        contacts.delete(ada, 1);
        await().until(() -> given().auth().oauth2(token).get("/v1/interactions/{id}", id).<Integer>path("version") == 2);

        Set<String> types = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement()
                     .executeQuery("select id, type, cast(payload as text) from outbox_event")) {
            while (rows.next()) {
                CONTRACT.assertValid(rows.getString(2), JSON.readTree(rows.getString(3)), "event " + rows.getString(1));
                types.add(rows.getString(2));
            }
        }
        assertEquals(new TreeSet<>(InteractionEventTypes.ALL), types);
    }
}
