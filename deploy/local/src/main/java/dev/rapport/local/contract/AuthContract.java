package dev.rapport.local.contract;

import dev.rapport.local.DevKeys;
import dev.rapport.local.TestTokens;
import dev.rapport.local.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/**
 * Every {@code /v1} endpoint needs a valid token from the configured issuer: each way a token can be wrong is
 * a 401 problem. A service's test extends this with {@code @QuarkusTest} and names one protected GET path.
 */
public abstract class AuthContract {

    private static final String WORKSPACE = "auth-contract";

    /** A GET under /v1 that a valid member token may call (its status then is 200 or 404). */
    protected abstract String protectedPath();

    @Test
    public void noTokenIsA401Problem() {
        assert401(given());
    }

    @Test
    public void aValidTokenIsAccepted() {
        given().auth().oauth2(TestTokens.member(WORKSPACE)).get(protectedPath())
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(404)));
    }

    @Test
    public void anExpiredTokenIsA401() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        assert401(withToken(TestTokens.sign(spec().validBetween(past, past.plus(Duration.ofHours(1))))));
    }

    @Test
    public void aTokenNotYetValidIsA401() {
        Instant future = Instant.now().plus(Duration.ofHours(1));
        assert401(withToken(TestTokens.sign(spec().validBetween(future, future.plus(Duration.ofHours(1))))));
    }

    @Test
    public void aTokenFromAnotherIssuerIsA401() {
        assert401(withToken(TestTokens.sign(spec().withIssuer("https://evil.example/"))));
    }

    @Test
    public void aTokenForAnotherAudienceIsA401() {
        assert401(withToken(TestTokens.sign(spec().withAudience("someone-else"))));
    }

    @Test
    public void aTokenSignedWithAnotherKeyIsA401(@TempDir Path otherKeys) {
        assert401(withToken(Tokens.sign(spec(), DevKeys.loadOrCreate(otherKeys).privateKey())));
    }

    @Test
    public void anUnsignedTokenIsA401() {
        assert401(withToken(Tokens.unsigned(spec())));
    }

    @Test
    public void aTokenWithoutAWorkspaceIsA401() {
        assert401(withToken(TestTokens.sign(Tokens.Spec.of(null, "no-workspace", "member"))));
    }

    private static Tokens.Spec spec() {
        return Tokens.Spec.of(WORKSPACE, "auth-contract-user", "member");
    }

    private static io.restassured.specification.RequestSpecification withToken(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    private void assert401(io.restassured.specification.RequestSpecification request) {
        request.get(protectedPath()).then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(401));
    }
}
