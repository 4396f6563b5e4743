package dev.rapport.kit.http;

import dev.rapport.kit.KitTestResource;
import dev.rapport.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/** Requests no operation takes get a problem in the API's words, never the framework's. */
@QuarkusTest
@WithTestResource(KitTestResource.class)
class RoutingProblemsTest {

    private static final String MEMBER = TestTokens.member("routing");

    @Test
    void noSuchPathIsANotFoundProblem() {
        given().auth().oauth2(MEMBER).get("/test/notes/nothing/here").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/not-found"))
                .body("detail", not(containsString("HTTP 404")));
    }

    @Test
    void anotherMethodIsAMethodNotAllowedProblem() {
        given().auth().oauth2(MEMBER).put("/test/notes").then().statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/method-not-allowed"))
                .body("detail", not(containsString("HTTP 405")));
    }

    @Test
    void anotherContentTypeIsAnUnsupportedMediaTypeProblemWithoutAnnotations() {
        given().auth().oauth2(MEMBER).contentType("text/plain").body("hello").post("/test/notes").then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/unsupported-media-type"))
                .body("detail", not(containsString("@Consumes")));
    }

    @Test
    void aRoleThatMayNotIsAForbiddenProblemThatSaysSo() {
        given().auth().oauth2(TestTokens.reader("routing")).get("/test/notes").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/forbidden"))
                .body("detail", containsString("role"));
    }
}
