package dev.rapport.testing;

import dev.rapport.local.DevKeys;
import dev.rapport.local.Tokens;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
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
                .then().statusCode(anyOf(equalTo(200), equalTo(404)));
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

    @Test
    public void aTokenExpiredPastTheClockSkewIsA401() {
        Instant now = Instant.now();
        assert401(withToken(TestTokens.sign(spec().validBetween(now.minus(Duration.ofHours(1)), now.minusSeconds(20)))));
    }

    @Test
    public void aWorkspaceClaimOfAnyOtherShapeIsA401NamingTheClaim() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("empty", "");
        claims.put("blank", "  ");
        claims.put("nul", "acme\u0000evil");
        claims.put("too long", "w".repeat(64));
        claims.put("leading dot", ".acme");
        claims.put("slash", "acme/other");
        claims.put("number", 42);
        claims.put("array", List.of("acme"));
        claims.put("object", Map.of("id", "acme"));
        claims.forEach((name, value) -> {
            String token = Tokens.sign(spec(), TestInfrastructure.keys().privateKey(),
                    c -> c.setClaim(Tokens.WORKSPACE_CLAIM, value));
            withToken(token).get(protectedPath()).then().statusCode(401)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("https://rapport.dev/problems/unauthorized"))
                    .body("detail", containsString("'workspace' claim"));
        });
    }

    @Test
    public void aSubjectThatNamesNoUserIsA401() {
        for (String subject : List.of("", "   ", "a\u0000b", "line\nbreak", "u".repeat(256))) {
            String token = Tokens.sign(spec(), TestInfrastructure.keys().privateKey(), c -> c.setSubject(subject));
            withToken(token).get(protectedPath()).then().statusCode(401)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("https://rapport.dev/problems/unauthorized"))
                    .body("detail", containsString("'sub' claim"));
        }
    }

    @Test
    public void aWorkspaceIdOfTheDocumentedShapeIsAccepted() {
        given().auth().oauth2(TestTokens.member("A1.b_c-" + "x".repeat(56))).get(protectedPath())
                .then().statusCode(anyOf(equalTo(200), equalTo(404)));
    }

    @Test
    public void everyErrorTheFrameworkRaisesIsAProblemWithAType() {
        String member = TestTokens.member(WORKSPACE);
        assertProblem(given().auth().oauth2(member).get(protectedPath().replaceFirst("[0-9a-f-]{36}", "not-a-uuid")),
                404, "not-found");
        assertProblem(given().auth().oauth2(member).get("/v1/no-such-resource"), 404, "not-found");
        // The protected path names a random id: no such resource, in the same vocabulary in every service.
        assertProblem(given().auth().oauth2(member).get(protectedPath()), 404, "not-found");
        // The backup is for admins only: a member is forbidden.
        String backup = "/v1/backups/" + ConfigProvider.getConfig().getValue("quarkus.application.name", String.class)
                .replaceFirst("-service$", "");
        assertProblem(given().auth().oauth2(member).get(backup), 403, "forbidden");
        assertProblem(given().auth().oauth2(TestTokens.admin(WORKSPACE)).put(backup), 405, "method-not-allowed");
        assertProblem(given().auth().oauth2(TestTokens.admin(WORKSPACE)).contentType("text/plain").body("x")
                .post(backup + "/restore"), 415, "unsupported-media-type");
    }

    private static void assertProblem(io.restassured.response.Response response, int status, String type) {
        response.then().statusCode(status)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("type", equalTo("https://rapport.dev/problems/" + type));
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
                .body("status", equalTo(401))
                .body("type", equalTo("https://rapport.dev/problems/unauthorized"));
    }
}
