package dev.rapport.kit.tenancy;

import dev.rapport.kit.KitTestResource;
import dev.rapport.local.Tokens;
import dev.rapport.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

/** The verifier Quarkus authenticates with remembers a verified token, and a remembered token still expires. */
@QuarkusTest
@WithTestResource(KitTestResource.class)
class VerifiedTokenCacheTest {

    @Inject
    JWTParser parser;

    @Test
    void theSameTokenIsVerifiedOnceAndAnotherOneIsVerifiedOnItsOwn() throws Exception {
        String token = TestTokens.member("token-cache");
        String other = TestTokens.member("token-cache");

        assertSame(parser.parse(token), parser.parse(token));
        assertNotSame(parser.parse(token), parser.parse(other));
    }

    @Test
    void aTokenAcceptedBeforeItExpiredIsRefusedAfter() throws Exception {
        Instant now = Instant.now();
        Instant expiry = now.plusSeconds(2);
        String token = TestTokens.sign(Tokens.Spec.of("token-cache", "short-lived", "member")
                .validBetween(now.minusSeconds(1), expiry));
        given().auth().oauth2(token).get("/test/notes").then().statusCode(200);

        // The library allows mp.jwt.verify.clock.skew (5 s) past exp; past that, nothing may accept the token.
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiry.plusSeconds(6)).toMillis()));
        given().auth().oauth2(token).get("/test/notes").then().statusCode(401);
    }
}
