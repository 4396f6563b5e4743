package dev.rapport.contacts;

import dev.rapport.local.RapportInfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

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
}
