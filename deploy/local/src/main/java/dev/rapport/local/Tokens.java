package dev.rapport.local;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Mints development tokens the way an OIDC provider would, for the local stack and for tests. */
public final class Tokens {

    public static final String WORKSPACE_CLAIM = "workspace";

    /**
     * The workspace ids the service kit accepts (its WorkspaceIds, which this launcher-side module cannot depend on):
     * 1-63 letters, digits, '.', '_' or '-', starting with a letter or digit.
     */
    public static final Pattern WORKSPACE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private Tokens() {
    }

    public record Spec(String issuer, String audience, String subject, String workspace, List<String> roles,
                       Instant issuedAt, Instant notBefore, Instant expiresAt) {

        public static Spec of(String workspace, String subject, String... roles) {
            Instant now = Instant.now();
            return new Spec(DevKeys.ISSUER, DevKeys.AUDIENCE, subject, workspace, List.of(roles), now,
                    now.minusSeconds(5), now.plus(Duration.ofHours(1)));
        }

        public Spec withIssuer(String value) {
            return new Spec(value, audience, subject, workspace, roles, issuedAt, notBefore, expiresAt);
        }

        public Spec withAudience(String value) {
            return new Spec(issuer, value, subject, workspace, roles, issuedAt, notBefore, expiresAt);
        }

        /** Valid from now (allowing for a clock a few seconds behind) for {@code ttl}. */
        public Spec lasting(Duration ttl) {
            return new Spec(issuer, audience, subject, workspace, roles, issuedAt, notBefore, issuedAt.plus(ttl));
        }

        public Spec validBetween(Instant from, Instant until) {
            return new Spec(issuer, audience, subject, workspace, roles, issuedAt, from, until);
        }
    }

    public static String sign(Spec spec, PrivateKey key) {
        return sign(spec, key, claims -> { });
    }

    /** Signs the spec's claims after {@code adjust} changed them: for tests of claims no provider should send. */
    public static String sign(Spec spec, PrivateKey key, Consumer<JwtClaims> adjust) {
        JwtClaims claims = claims(spec);
        adjust.accept(claims);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("Could not sign a development token", e);
        }
    }

    /** An unsigned token ({@code alg: none}), which every service must refuse. */
    public static String unsigned(Spec spec) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(spec).toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaims claims(Spec spec) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(spec.issuer());
        claims.setAudience(spec.audience());
        claims.setSubject(spec.subject());
        claims.setClaim("upn", spec.subject());
        if (spec.workspace() != null) {
            claims.setClaim(WORKSPACE_CLAIM, spec.workspace());
        }
        claims.setStringListClaim("groups", spec.roles());
        claims.setIssuedAt(org.jose4j.jwt.NumericDate.fromSeconds(spec.issuedAt().getEpochSecond()));
        claims.setNotBefore(org.jose4j.jwt.NumericDate.fromSeconds(spec.notBefore().getEpochSecond()));
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(spec.expiresAt().getEpochSecond()));
        claims.setGeneratedJwtId();
        return claims;
    }
}
