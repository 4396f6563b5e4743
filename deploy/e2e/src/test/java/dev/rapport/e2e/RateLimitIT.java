package dev.rapport.e2e;

import dev.rapport.local.LocalStack;
import dev.rapport.local.LocalStack.Service;
import dev.rapport.local.Ports;
import dev.rapport.local.ServiceProcess;
import dev.rapport.local.Tokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A contacts-service instance with low rate limits, on the shared stack: over a token's or a workspace's limit a
 * request is answered 429 before any work, with the problem and the headers the API document promises.
 */
class RateLimitIT {

    /** Three requests at once per user, five per workspace, refilled so slowly the test never sees a refill. */
    private static final Map<String, String> LOW_LIMITS = Map.of(
            "rapport.rate-limit.user.per-second", "0.01", "rapport.rate-limit.user.burst", "3",
            "rapport.rate-limit.workspace.per-second", "0.01", "rapport.rate-limit.workspace.burst", "5");

    private static LocalStack stack;
    private static ServiceProcess limited;

    @BeforeAll
    static void startALimitedInstance() throws Exception {
        stack = SharedStack.get();
        limited = stack.startInstance(Service.CONTACTS, Ports.free(),
                SharedStack.dataDir().resolve("logs").resolve("contacts-service-rate-limited.log"), LOW_LIMITS);
        limited.awaitReady(Duration.ofMinutes(2));
    }

    @AfterAll
    static void stopIt() {
        limited.close();
    }

    @Test
    void aUserOverTheirLimitGetsA429ProblemWithRetryAfterAndRateLimitFieldsAndNothingIsDone() {
        String token = token("rate-token", "runaway-script");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get(limited.url() + "/v1/contacts").then().statusCode(200);
        }
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"displayName\":\"Never Stored\"}")
                .post(limited.url() + "/v1/contacts").then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("https://rapport.dev/problems/too-many-requests"))
                .body("status", equalTo(429))
                .body("detail", containsString("user"))
                .header("Retry-After", Integer::parseInt, greaterThanOrEqualTo(90))
                .header("RateLimit-Limit", "3")
                .header("RateLimit-Remaining", "0")
                .header("RateLimit-Reset", Integer::parseInt, greaterThanOrEqualTo(90));
        // A fresh token of the same user does not start a fresh count.
        String another = Tokens.sign(Tokens.Spec.of("rate-token", "runaway-script", "member").lasting(Duration.ofMinutes(7)),
                stack.keys().privateKey());
        assertNotEquals(token, another);
        given().auth().oauth2(another).get(limited.url() + "/v1/contacts").then().statusCode(429);
        // Another user of the workspace is not held back by this one, and the refused create did nothing.
        given().auth().oauth2(token("rate-token", "colleague")).get(limited.url() + "/v1/contacts?q=Never")
                .then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void theWorkspaceLimitHoldsAcrossItsTokensAndNoFurther() {
        String first = token("rate-workspace", "first");
        String second = token("rate-workspace", "second");
        for (String token : new String[] {first, first, first, second, second}) {
            given().auth().oauth2(token).get(limited.url() + "/v1/contacts").then().statusCode(200);
        }
        given().auth().oauth2(token("rate-workspace", "third")).get(limited.url() + "/v1/contacts").then()
                .statusCode(429).body("detail", containsString("workspace")).header("RateLimit-Limit", "5");
        given().auth().oauth2(token("rate-bystander", "someone")).get(limited.url() + "/v1/contacts").then().statusCode(200);
    }

    @Test
    void requestsWithoutAValidTokenCountAgainstNoWorkspace() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey notTheIssuers = generator.generateKeyPair().getPrivate();
        String forged = Tokens.sign(Tokens.Spec.of("rate-forged", "mallory", "member"), notTheIssuers);
        for (int i = 0; i < 10; i++) {
            assertEquals(401, given().auth().oauth2(forged).get(limited.url() + "/v1/contacts").statusCode());
            assertEquals(401, given().get(limited.url() + "/v1/contacts").statusCode());
        }
        // The workspace named by the forged token still has its whole burst of five.
        String first = token("rate-forged", "first");
        String second = token("rate-forged", "second");
        for (String token : new String[] {first, first, first, second, second}) {
            given().auth().oauth2(token).get(limited.url() + "/v1/contacts").then().statusCode(200);
        }
    }

    private static String token(String workspace, String user) {
        return Tokens.sign(Tokens.Spec.of(workspace, user, "member"), stack.keys().privateKey());
    }
}
