package dev.rapport.kit.http;

import dev.rapport.kit.KitTestResource;
import dev.rapport.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Request bodies read strictly: what is not exactly the JSON a client meant is refused, never guessed. */
@QuarkusTest
@WithTestResource(KitTestResource.class)
class StrictJsonTest {

    @Test
    void aWellFormedBodyIsAccepted() {
        post("{\"body\":\"fine\"}").statusCode(201);
    }

    @Test
    void anUnknownFieldIsAValidationProblemNamingIt() {
        post("{\"body\":\"x\",\"colour\":\"red\"}").statusCode(422)
                .body("violations.field", hasItem(containsString("colour")));
    }

    @Test
    void aNumberOrTrueFalseWhereTextBelongsIsAValidationProblemNotText() {
        for (String value : new String[] {"123", "1.5", "true"}) {
            post("{\"body\":" + value + "}").statusCode(422)
                    .body("violations.field", hasItem("body"))
                    .body("violations.message", hasItem(containsString("a string")));
        }
    }

    @Test
    void contentAfterTheObjectIsMalformed() {
        post("{\"body\":\"x\"} {\"body\":\"y\"}").statusCode(400);
    }

    @Test
    void anUnclosedObjectIsMalformedInWordsWithoutTheParsersInternals() {
        post("{\"body\":\"x\"").statusCode(400)
                .body("detail", containsString("Unexpected end-of-input"))
                .body("detail", not(containsString("Source")))
                .body("detail", not(containsString("StreamReadFeature")));
    }

    @Test
    void aKeyGivenTwiceIsMalformed() {
        post("{\"body\":\"x\",\"body\":\"y\"}").statusCode(400);
    }

    @Test
    void theNulCharacterIsAValidationProblem() {
        post("{\"body\":\"a\\u0000b\"}").statusCode(422);
    }

    @Test
    void aLoneSurrogateIsMalformed() {
        post("{\"body\":\"\\ud800\"}").statusCode(400);
    }

    @Test
    void invalidUtf8IsMalformed() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("{\"body\":\"".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xC3);
        bytes.write(0x28);
        bytes.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(TestTokens.member("strict-json")).contentType(ContentType.JSON).body(bytes.toByteArray())
                .post("/test/notes").then().statusCode(400).contentType("application/problem+json");
    }

    private static ValidatableResponse post(String body) {
        return given().auth().oauth2(TestTokens.member("strict-json")).contentType(ContentType.JSON).body(body)
                .post("/test/notes").then();
    }
}
