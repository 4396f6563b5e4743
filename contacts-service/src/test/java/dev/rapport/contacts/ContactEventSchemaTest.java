package dev.rapport.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.rapport.local.RapportInfraTestResource;
import dev.rapport.local.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The producer owns its event schemas: everything it emits, and every published example, must match them. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class ContactEventSchemaTest {

    static final Path EVENTS = Path.of("src/main/resources/META-INF/resources/events");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyEventInTheOutboxMatchesTheSchemaOfItsType() throws Exception {
        given().auth().oauth2(TestTokens.member("schema-test")).contentType(ContentType.JSON).body("{\"displayName\":\"Mary Jackson\",\"emails\":[{\"address\":\"mary@example.org\"}]}")
                .post("/v1/contacts").then().statusCode(201);
        given().auth().oauth2(TestTokens.member("schema-test")).contentType(ContentType.JSON).body("{\"displayName\":\"No Email\"}")
                .post("/v1/contacts").then().statusCode(201);

        int checked = 0;
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement()
                     .executeQuery("select id, type, cast(payload as text) from outbox_event")) {
            while (rows.next()) {
                assertValid(rows.getString(2), JSON.readTree(rows.getString(3)), "event " + rows.getString(1));
                checked++;
            }
        }
        assertTrue(checked >= 2, "events checked: " + checked);
    }

    @Test
    void everyExampleMatchesItsSchema() throws IOException {
        List<Path> examples;
        try (Stream<Path> files = Files.list(EVENTS)) {
            examples = files.filter(f -> f.getFileName().toString().endsWith(".example.json")).toList();
        }
        assertFalse(examples.isEmpty());
        for (Path example : examples) {
            String type = example.getFileName().toString().replace(".example.json", "");
            assertValid(type, JSON.readTree(example.toFile()), example.toString());
        }
    }

    private static void assertValid(String type, JsonNode payload, String what) throws IOException {
        Path schemaFile = EVENTS.resolve(type + ".schema.json");
        assertTrue(Files.isRegularFile(schemaFile), "no schema for event type " + type);
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(JSON.readTree(schemaFile.toFile()));
        Set<ValidationMessage> errors = schema.validate(payload);
        assertTrue(errors.isEmpty(), what + " of type " + type + " breaks its schema: " + errors);
    }
}
