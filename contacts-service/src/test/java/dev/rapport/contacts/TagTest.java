package dev.rapport.contacts;

import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** Tags: created on first use, one spelling per workspace, renamed and deleted on every contact at once. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class TagTest {

    private final ContactsApi api = ContactsApi.member("tags-" + UUID.randomUUID());

    @Test
    void aTagIsCreatedOnUseAndKeepsItsFirstSpelling() {
        String a = api.createId("{\"displayName\":\"A\",\"tags\":[\"Investors\"]}");
        String b = api.createId("{\"displayName\":\"B\",\"tags\":[\"investors\",\"Press\"]}");
        api.get(b).body("tags", contains("Investors", "Press"));
        given().auth().oauth2(api.token()).get("/v1/tags").then().statusCode(200)
                .body("name", contains("Investors", "Press"))
                .body("find { it.name == 'Investors' }.contacts", equalTo(2));
        api.get(a).body("tags", contains("Investors"));
    }

    @Test
    void renamingATagRenamesItOnEveryContactAndInSearch() {
        String a = api.createId("{\"displayName\":\"Renamed One\",\"tags\":[\"old-name\"]}");
        String tagId = given().auth().oauth2(api.token()).get("/v1/tags").then().extract().path("find { it.name == 'old-name' }.id");
        given().auth().oauth2(api.token()).contentType(ContentType.JSON).body("{\"name\":\"new-name\"}")
                .patch("/v1/tags/" + tagId).then().statusCode(200).body("name", equalTo("new-name")).body("contacts", equalTo(1));
        api.get(a).body("tags", equalTo(List.of("new-name"))).body("version", equalTo(1));
        given().auth().oauth2(api.token()).get("/v1/contacts?tag=new-name").then().body("items", hasSize(1));
        given().auth().oauth2(api.token()).get("/v1/contacts?q=old-name").then().body("items", hasSize(0));
    }

    @Test
    void renamingOntoAnExistingTagIsAConflict() {
        api.createId("{\"displayName\":\"C\",\"tags\":[\"one\",\"two\"]}");
        String one = given().auth().oauth2(api.token()).get("/v1/tags").then().extract().path("find { it.name == 'one' }.id");
        given().auth().oauth2(api.token()).contentType(ContentType.JSON).body("{\"name\":\"TWO\"}")
                .patch("/v1/tags/" + one).then().statusCode(409);
    }

    @Test
    void deletingATagRemovesItFromContacts() {
        String a = api.createId("{\"displayName\":\"D\",\"tags\":[\"temporary\",\"kept\"]}");
        String tagId = given().auth().oauth2(api.token()).get("/v1/tags").then().extract().path("find { it.name == 'temporary' }.id");
        given().auth().oauth2(api.token()).delete("/v1/tags/" + tagId).then().statusCode(204);
        api.get(a).body("tags", contains("kept"));
        given().auth().oauth2(api.token()).get("/v1/tags").then().body("name", contains("kept"));
    }

    @Test
    void anotherWorkspaceCannotRenameOrDeleteATag() {
        api.createId("{\"displayName\":\"E\",\"tags\":[\"private-tag\"]}");
        String tagId = given().auth().oauth2(api.token()).get("/v1/tags").then().extract().path("find { it.name == 'private-tag' }.id");
        ContactsApi stranger = ContactsApi.member("tags-stranger-" + UUID.randomUUID());
        given().auth().oauth2(stranger.token()).contentType(ContentType.JSON).body("{\"name\":\"stolen\"}")
                .patch("/v1/tags/" + tagId).then().statusCode(404);
        given().auth().oauth2(stranger.token()).delete("/v1/tags/" + tagId).then().statusCode(404);
        given().auth().oauth2(api.token()).get("/v1/tags").then().body("name", contains("private-tag"));
    }

    @Test
    void aTagOnlyAnotherUsersPrivateContactsCarryIsNotListedAndCannotBeTouched() {
        ContactsApi other = new ContactsApi(api.workspace(), TestTokens.otherMember(api.workspace()));
        String secret = other.createId("{\"displayName\":\"Secret\",\"visibility\":\"private\",\"tags\":[\"acquisition-target\"]}");
        String tagId = tagId(other, "acquisition-target");
        given().auth().oauth2(api.token()).get("/v1/tags").then().statusCode(200).body("name", not(hasItem("acquisition-target")));
        given().auth().oauth2(api.token()).contentType(ContentType.JSON).body("{\"name\":\"renamed\"}")
                .patch("/v1/tags/" + tagId).then().statusCode(404);
        given().auth().oauth2(api.token()).delete("/v1/tags/" + tagId).then().statusCode(404);
        other.get(secret).body("tags", contains("acquisition-target")).body("version", equalTo(0));
    }

    @Test
    void renamingOrDeletingASharedTagLeavesAnotherUsersPrivateContactsAlone() {
        ContactsApi other = new ContactsApi(api.workspace(), TestTokens.otherMember(api.workspace()));
        String mine = api.createId("{\"displayName\":\"Shared\",\"tags\":[\"clients\"]}");
        String theirs = other.createId("{\"displayName\":\"Theirs\",\"visibility\":\"private\",\"tags\":[\"clients\"]}");
        given().auth().oauth2(api.token()).contentType(ContentType.JSON).body("{\"name\":\"customers\"}")
                .patch("/v1/tags/" + tagId(api, "clients")).then().statusCode(200)
                .body("name", equalTo("customers")).body("contacts", equalTo(1));
        api.get(mine).body("tags", contains("customers"));
        other.get(theirs).body("tags", contains("clients")).body("version", equalTo(0));
        given().auth().oauth2(other.token()).get("/v1/tags").then()
                .body("find { it.name == 'clients' }.contacts", equalTo(1))
                .body("find { it.name == 'customers' }.contacts", equalTo(1));
        given().auth().oauth2(api.token()).get("/v1/tags").then().body("name", contains("customers"));

        other.createId("{\"displayName\":\"Theirs too\",\"visibility\":\"private\",\"tags\":[\"customers\"]}");
        given().auth().oauth2(api.token()).delete("/v1/tags/" + tagId(api, "customers")).then().statusCode(204);
        api.get(mine).body("tags", hasSize(0));
        given().auth().oauth2(other.token()).get("/v1/tags").then()
                .body("find { it.name == 'customers' }.contacts", equalTo(1));
    }

    @Test
    void renamingOntoANameOnlyHiddenContactsUseJoinsItWithoutAConflict() {
        ContactsApi other = new ContactsApi(api.workspace(), TestTokens.otherMember(api.workspace()));
        other.createId("{\"displayName\":\"Hidden\",\"visibility\":\"private\",\"tags\":[\"board\"]}");
        String mine = api.createId("{\"displayName\":\"Visible\",\"tags\":[\"advisors\"]}");
        given().auth().oauth2(api.token()).contentType(ContentType.JSON).body("{\"name\":\"Board\"}")
                .patch("/v1/tags/" + tagId(api, "advisors")).then().statusCode(200).body("contacts", equalTo(1));
        api.get(mine).body("tags", contains("board"));
        given().auth().oauth2(other.token()).get("/v1/tags").then().body("find { it.name == 'board' }.contacts", equalTo(2));
    }

    private static String tagId(ContactsApi as, String name) {
        return given().auth().oauth2(as.token()).get("/v1/tags").then().statusCode(200)
                .extract().path("find { it.name == '" + name + "' }.id");
    }
}
