package dev.rapport.interactions;

import dev.rapport.directory.ContactFixtures;
import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A workspace backup of the log restores into an empty workspace with every interaction and who it was with. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class InteractionBackupTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void theLogAndItsParticipantsComeBackInAnotherWorkspace() {
        String workspace = "backup-" + UUID.randomUUID();
        ContactFixtures contacts = new ContactFixtures(kafka, workspace);
        String ada = contacts.contact("Ada");
        String charles = contacts.contact("Charles");
        String token = TestTokens.member(workspace);
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"kind\":\"meeting\","
                        + "\"occurredAt\":\"2026-11-30T14:00:00Z\",\"participants\":[{\"contactId\":\"" + ada
                        + "\"},{\"contactId\":\"" + charles + "\"}],\"feedback\":\"Loved it\"}")
                .post("/v1/interactions").then().statusCode(201).extract().path("id");
        String backup = given().auth().oauth2(TestTokens.admin(workspace)).get("/v1/backups/interactions").then().statusCode(200)
                .extract().asString();
        String otherWorkspaceInteraction = "elsewhere-" + UUID.randomUUID();
        assertFalse(backup.contains(otherWorkspaceInteraction));

        // Ids are unique per install: a restore goes where the rows are not (here: the log was deleted since).
        String target = "restored-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.admin(target)).contentType("application/x-ndjson")
                .body(backup.getBytes(StandardCharsets.UTF_8)).post("/v1/backups/interactions/restore").then().statusCode(409);
        given().auth().oauth2(token).header("If-Match", "\"0\"").delete("/v1/interactions/{id}", id).then().statusCode(204);

        // Restored elsewhere: the contacts arrive there as contacts-service announces its own restore.
        given().auth().oauth2(TestTokens.admin(target)).contentType("application/x-ndjson")
                .body(backup.getBytes(StandardCharsets.UTF_8)).post("/v1/backups/interactions/restore").then().statusCode(200)
                .body("restored.interaction", equalTo(1)).body("restored.interaction_participant", equalTo(2));
        ContactFixtures restoredContacts = new ContactFixtures(kafka, target);
        restoredContacts.announce(ada, "Ada");
        restoredContacts.announce(charles, "Charles");
        given().auth().oauth2(TestTokens.member(target)).get("/v1/interactions/{id}", id).then().statusCode(200)
                .body("participants.contactId", equalTo(List.of(ada, charles))).body("feedback", equalTo("Loved it"))
                .body("createdBy", equalTo("member-of-" + workspace));
        given().auth().oauth2(TestTokens.member(target)).get("/v1/contacts/{id}/timeline", charles).then()
                .body("items.id", equalTo(List.of(id)));
        // A second restore into a workspace that holds the log is refused whole.
        given().auth().oauth2(TestTokens.admin(target)).contentType("application/x-ndjson")
                .body(backup.getBytes(StandardCharsets.UTF_8)).post("/v1/backups/interactions/restore").then().statusCode(409);
    }
}
