package dev.rapport.interactions;

import dev.rapport.directory.ContactFixtures;
import dev.rapport.kit.changes.ChangesResource;
import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The interactions changes feed shows a user what the interaction log shows them, nothing more. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class InteractionChangesTest {

    private static final String FEED = ChangesResource.path("interactions-service");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void aPrivateInteractionAndOneWithAPrivateContactReachOnlyTheirOwnersFeed() {
        String workspace = "changes-" + UUID.randomUUID();
        ContactFixtures contacts = new ContactFixtures(kafka, workspace);
        String shared = contacts.contact("Ada Lovelace");
        String secret = contacts.contact("Alan Turing", "private", "member-of-" + workspace, List.of(), null);
        String open = log(workspace, shared, "workspace");
        String privateOne = log(workspace, shared, "private");
        String withPrivateContact = log(workspace, secret, "workspace");

        JsonPath own = await().atMost(Duration.ofSeconds(30)).until(() -> feed(TestTokens.member(workspace)),
                page -> page.getList("items").size() == 3);
        assertEquals(List.of(open, privateOne, withPrivateContact), own.getList("items.subject"));
        JsonPath colleagues = feed(TestTokens.otherMember(workspace));
        assertEquals(List.of(open), colleagues.getList("items.subject"));
        assertEquals("dev.rapport.interaction.logged.v1", colleagues.getString("items[0].type"));
    }

    private static String log(String workspace, String contact, String visibility) {
        return given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON)
                .body("{\"kind\":\"call\",\"occurredAt\":\"2026-11-30T10:00:00Z\",\"visibility\":\"" + visibility
                        + "\",\"participants\":[{\"contactId\":\"" + contact + "\"}]}")
                .post("/v1/interactions").then().statusCode(201).extract().path("id");
    }

    private static JsonPath feed(String token) {
        return given().auth().oauth2(token).get(FEED).then().statusCode(200).extract().jsonPath();
    }
}
