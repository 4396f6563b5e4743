package dev.rapport.contacts;

import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class ContactResourceTest {

    private static final String WORKSPACE = "contacts-" + UUID.randomUUID();
    private static final String MEMBER = TestTokens.member(WORKSPACE);

    @Test
    void createdContactCanBeReadBackWithItsEtag() {
        String location = given().auth().oauth2(MEMBER).contentType(ContentType.JSON)
                .body("{\"displayName\":\"Ada Lovelace\",\"emails\":[{\"address\":\"Ada@Example.org\"}]}")
                .when().post("/v1/contacts")
                .then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("id", notNullValue())
                .body("emails[0].address", equalTo("ada@example.org"))
                .body("createdBy", equalTo("member-of-" + WORKSPACE))
                .extract().header("Location");

        given().auth().oauth2(MEMBER).when().get(location)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("displayName", equalTo("Ada Lovelace"))
                .body("emails[0].address", equalTo("ada@example.org"));
    }

    @Test
    void anotherWorkspaceGetsA404NotA403() {
        String location = given().auth().oauth2(MEMBER).contentType(ContentType.JSON)
                .body("{\"displayName\":\"Private to one workspace\"}")
                .post("/v1/contacts").then().statusCode(201).extract().header("Location");

        given().auth().oauth2(TestTokens.member("other-" + UUID.randomUUID())).get(location)
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().auth().oauth2(MEMBER).get(location).then().statusCode(200);
    }

    @Test
    void aReaderMayReadButNotWrite() {
        String location = given().auth().oauth2(MEMBER).contentType(ContentType.JSON)
                .body("{\"displayName\":\"Read me\"}")
                .post("/v1/contacts").then().statusCode(201).extract().header("Location");

        given().auth().oauth2(TestTokens.reader(WORKSPACE)).get(location).then().statusCode(200);
        given().auth().oauth2(TestTokens.reader(WORKSPACE)).contentType(ContentType.JSON)
                .body("{\"displayName\":\"Not allowed\"}")
                .post("/v1/contacts").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
    }

    @Test
    void corsPreflightFromAConfiguredOriginExposesTheHeadersFrontEndsNeed() {
        given().header("Origin", "https://app.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match,idempotency-key")
                .options("/v1/contacts")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("https://app.example"))
                .header("Access-Control-Allow-Headers", containsString("if-match"))
                .header("Access-Control-Allow-Headers", containsString("idempotency-key"))
                .header("Access-Control-Allow-Credentials", anyOf(nullValue(), equalTo("false")));
        given().auth().oauth2(MEMBER).header("Origin", "https://app.example").contentType(ContentType.JSON)
                .body("{\"displayName\":\"From the browser\"}")
                .post("/v1/contacts").then().statusCode(201)
                .header("Access-Control-Expose-Headers", allOf(containsString("ETag"), containsString("Location"),
                        containsString("Link"), containsString("Idempotent-Replayed"), containsString("Content-Disposition"),
                        containsString("Retry-After"), containsString("RateLimit-Limit"),
                        containsString("RateLimit-Remaining"), containsString("RateLimit-Reset")));
    }

    @Test
    void anUnconfiguredOriginIsNotAllowed() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/v1/contacts")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void invalidFieldsAreA422ProblemNamingEachField() {
        given().auth().oauth2(MEMBER).contentType(ContentType.JSON)
                .body("{\"displayName\":\"" + "n".repeat(201) + "\",\"emails\":[{\"address\":\"not-an-email\"}]}")
                .when().post("/v1/contacts")
                .then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(422))
                .body("violations.field", hasItem("displayName"))
                .body("violations.field", hasItem("emails[0].address"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().auth().oauth2(MEMBER).contentType(ContentType.JSON)
                .body("{\"displayName\": ")
                .when().post("/v1/contacts")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400));
    }

    @Test
    void aNulCharacterWhichTheDatabaseCannotStoreIsA422NamingTheField() {
        given().auth().oauth2(MEMBER).contentType(ContentType.JSON)
                .body("{\"displayName\":\"Nul\",\"emails\":[{\"address\":\"n@example.org\",\"label\":\"a\\u0000b\"}]}")
                .when().post("/v1/contacts")
                .then().statusCode(422)
                .body("violations.field", equalTo(java.util.List.of("emails[0].label")));
    }

    @Test
    void unknownContactIsA404Problem() {
        given().auth().oauth2(MEMBER).when().get("/v1/contacts/01936f0e-7c4a-7cc1-8c3e-0f6f1d2b3a4c")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404));
    }
}
