package dev.rapport.contacts;

import dev.rapport.local.RapportInfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class ContactResourceTest {

    @Test
    void createdContactCanBeReadBackWithItsEtag() {
        String location = given().contentType(ContentType.JSON)
                .body("{\"displayName\":\"Ada Lovelace\",\"email\":\"Ada@Example.org\"}")
                .when().post("/v1/contacts")
                .then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("id", notNullValue())
                .body("email", equalTo("ada@example.org"))
                .extract().header("Location");

        given().when().get(location)
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("displayName", equalTo("Ada Lovelace"))
                .body("email", equalTo("ada@example.org"));
    }

    @Test
    void invalidFieldsAreA422ProblemNamingEachField() {
        given().contentType(ContentType.JSON)
                .body("{\"displayName\":\" \",\"email\":\"not-an-email\"}")
                .when().post("/v1/contacts")
                .then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(422))
                .body("violations.field", hasItem("displayName"))
                .body("violations.field", hasItem("email"));
    }

    @Test
    void malformedJsonIsA400Problem() {
        given().contentType(ContentType.JSON)
                .body("{\"displayName\": ")
                .when().post("/v1/contacts")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400));
    }

    @Test
    void unknownContactIsA404Problem() {
        given().when().get("/v1/contacts/01936f0e-7c4a-7cc1-8c3e-0f6f1d2b3a4c")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404));
    }
}
