package dev.rapport.contacts;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.events.ContactEventTypes;
import dev.rapport.testing.EventContract;
import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The producer owns its event schemas: everything it emits must match them (the examples are checked in contact-events). */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class ContactEventSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The published contract, read from the contact-events jar as every reader gets it. */
    private static final EventContract CONTRACT = new EventContract(ContactEventTypes.ALL, ContactEventTypes.RESOURCES,
            "contacts", ContactEventTypes.TOPIC);

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
                CONTRACT.assertValid(rows.getString(2), JSON.readTree(rows.getString(3)), "event " + rows.getString(1));
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
        byte[] backup = given().auth().oauth2(admin).get("/v1/backups/contacts").then().statusCode(200).extract().asByteArray();
        String etag = given().auth().oauth2(member).get("/v1/contacts/" + id).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(member).header("If-Match", etag).delete("/v1/contacts/" + id).then().statusCode(204);
        given().auth().oauth2(admin).contentType("application/x-ndjson").body(backup).post("/v1/backups/contacts/restore")
                .then().statusCode(200);
    }
}
