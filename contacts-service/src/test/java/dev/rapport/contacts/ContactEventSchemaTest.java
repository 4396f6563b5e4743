package dev.rapport.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.rapport.events.ContactEventTypes;
import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The producer owns its event schemas: everything it emits, and every published example, must match them. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class ContactEventSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A schema's {@code $ref} to another published one ({@code restored} reuses {@code created}'s) read from the jar. */
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            factory -> factory.schemaMappers(mappers -> mappers.mapPrefix("https://rapport.dev/events/",
                    "classpath:" + ContactEventTypes.RESOURCES)));

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyEventInTheOutboxMatchesTheSchemaOfItsType() throws Exception {
        given().auth().oauth2(TestTokens.member("schema-test")).contentType(ContentType.JSON).body("{\"displayName\":\"Mary Jackson\",\"emails\":[{\"address\":\"mary@example.org\"}]}")
                .post("/v1/contacts").then().statusCode(201);
        given().auth().oauth2(TestTokens.member("schema-test")).contentType(ContentType.JSON).body("{\"displayName\":\"No Email\"}")
                .post("/v1/contacts").then().statusCode(201);
        deletedAndRestored("schema-test-restore-" + UUID.randomUUID());

        Set<String> types = new TreeSet<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement()
                     .executeQuery("select id, type, cast(payload as text) from outbox_event")) {
            while (rows.next()) {
                assertValid(rows.getString(2), JSON.readTree(rows.getString(3)), "event " + rows.getString(1));
                types.add(rows.getString(2));
            }
        }
        assertTrue(types.containsAll(Set.of(ContactEventTypes.CREATED_V1, ContactEventTypes.DELETED_V1,
                ContactEventTypes.RESTORED_V1)), "types checked: " + types);
    }

    /** A contact backed up, deleted and restored: its deletion and its restoration are announced. */
    private static void deletedAndRestored(String workspace) {
        String member = TestTokens.member(workspace);
        String admin = TestTokens.admin(workspace);
        String id = given().auth().oauth2(member).contentType(ContentType.JSON).body("{\"displayName\":\"Katherine Johnson\"}")
                .post("/v1/contacts").then().statusCode(201).extract().path("id");
        byte[] backup = given().auth().oauth2(admin).get("/v1/backup").then().statusCode(200).extract().asByteArray();
        String etag = given().auth().oauth2(member).get("/v1/contacts/" + id).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(member).header("If-Match", etag).delete("/v1/contacts/" + id).then().statusCode(204);
        given().auth().oauth2(admin).contentType("application/x-ndjson").body(backup).post("/v1/backup/restore")
                .then().statusCode(200);
    }

    @Test
    void everyExampleMatchesItsSchema() throws IOException {
        assertFalse(ContactEventTypes.ALL.isEmpty());
        for (String type : ContactEventTypes.ALL) {
            assertValid(type, read(ContactEventTypes.example(type)), ContactEventTypes.example(type));
        }
        // restored.v1's schema is created.v1's, by reference: that reference is followed, not skipped.
        assertFalse(SCHEMAS.getSchema(read(ContactEventTypes.schema(ContactEventTypes.RESTORED_V1)))
                .validate(JSON.readTree("{\"contactId\":\"not a contact\"}")).isEmpty());
    }

    private static void assertValid(String type, JsonNode payload, String what) throws IOException {
        assertTrue(ContactEventTypes.ALL.contains(type), "no schema for event type " + type);
        JsonSchema schema = SCHEMAS.getSchema(read(ContactEventTypes.schema(type)));
        Set<ValidationMessage> errors = schema.validate(payload);
        assertTrue(errors.isEmpty(), what + " of type " + type + " breaks its schema: " + errors);
    }

    /** The published schemas and examples come from the contact-events jar, as every reader gets them. */
    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = ContactEventSchemaTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertTrue(in != null, "no " + resource + " on the classpath");
            return JSON.readTree(in);
        }
    }
}
