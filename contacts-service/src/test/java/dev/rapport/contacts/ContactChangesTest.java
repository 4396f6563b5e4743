package dev.rapport.contacts;

import dev.rapport.kit.changes.ChangesResource;
import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sync client's view of contacts: every change in order, and nothing of another user's private contacts. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class ContactChangesTest {

    private static final String FEED = ChangesResource.path("contacts-service");

    @Test
    void aSyncClientSeesACreationItsUpdateAndItsDeletionInOrderButNotAnotherUsersPrivateContact() {
        String workspace = "changes-" + UUID.randomUUID();
        ContactsApi owner = ContactsApi.member(workspace);
        String shared = owner.createId("{\"displayName\":\"Grace Hopper\"}");
        String secret = owner.createId("{\"displayName\":\"Alan Turing\",\"visibility\":\"private\"}");
        owner.patch(shared, owner.etag(shared), "{\"nickname\":\"Amazing Grace\"}").statusCode(200);
        given().auth().oauth2(owner.token()).header("If-Match", owner.etag(shared)).delete("/v1/contacts/" + shared)
                .then().statusCode(204);
        owner.patch(secret, owner.etag(secret), "{\"nickname\":\"Prof\"}").statusCode(200);

        String colleague = TestTokens.otherMember(workspace);
        JsonPath seen = await().atMost(Duration.ofSeconds(30)).until(() -> feed(colleague),
                page -> page.getList("items.type").contains("dev.rapport.contact.deleted.v1"));
        assertEquals(List.of("dev.rapport.contact.created.v1", "dev.rapport.contact.updated.v1",
                "dev.rapport.contact.deleted.v1"), seen.getList("items.type"));
        assertEquals(List.of(shared, shared, shared), seen.getList("items.subject"));
        assertEquals(List.of("nickname"), seen.getList("items[1].data.changedFields"));

        JsonPath own = await().atMost(Duration.ofSeconds(30)).until(() -> feed(owner.token()),
                page -> page.getList("items").size() == 5);
        assertTrue(own.getList("items.subject").contains(secret), "the owner follows their private contact");
        assertEquals(1, own.getList("items.subject").indexOf(secret), "in the order the changes were made");
    }

    private static JsonPath feed(String token) {
        return given().auth().oauth2(token).get(FEED).then().statusCode(200).extract().jsonPath();
    }
}
