package dev.rapport.interactions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.rapport.events.InteractionEventTypes;
import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The producer owns its event schemas: everything it emits, and every published example, must match them. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class InteractionEventSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            factory -> factory.schemaMappers(mappers -> mappers.mapPrefix("https://rapport.dev/events/",
                    "classpath:" + InteractionEventTypes.RESOURCES)));

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
                assertValid(rows.getString(2), JSON.readTree(rows.getString(3)), "event " + rows.getString(1));
                types.add(rows.getString(2));
            }
        }
        assertEquals(new TreeSet<>(InteractionEventTypes.ALL), types);
    }

    @Test
    void everyExampleMatchesItsSchema() throws IOException {
        for (String type : InteractionEventTypes.ALL) {
            assertValid(type, read(InteractionEventTypes.example(type)), InteractionEventTypes.example(type));
        }
        // updated.v1's schema is logged.v1's, by reference: that reference is followed, not skipped.
        assertFalse(SCHEMAS.getSchema(read(InteractionEventTypes.schema(InteractionEventTypes.UPDATED_V1)))
                .validate(JSON.readTree("{\"interactionId\":\"not an id\"}")).isEmpty());
    }

    private static void assertValid(String type, JsonNode payload, String what) throws IOException {
        assertTrue(InteractionEventTypes.ALL.contains(type), "no schema for event type " + type);
        JsonSchema schema = SCHEMAS.getSchema(read(InteractionEventTypes.schema(type)));
        Set<ValidationMessage> errors = schema.validate(payload);
        assertTrue(errors.isEmpty(), what + " of type " + type + " breaks its schema: " + errors);
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = InteractionEventSchemaTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertTrue(in != null, "no " + resource + " on the classpath");
            return JSON.readTree(in);
        }
    }
}
