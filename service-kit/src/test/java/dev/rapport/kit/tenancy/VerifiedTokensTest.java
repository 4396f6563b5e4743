package dev.rapport.kit.tenancy;

import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A verified token is not verified again until it expires; nothing else is remembered. */
class VerifiedTokensTest {

    private static final long NOW = 1_800_000_000L;

    private final MovableClock clock = new MovableClock();
    private final List<String> verifications = new ArrayList<>();

    @Test
    void aTokenSeenAgainBeforeItExpiresIsNotVerifiedAgain() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens(100, clock);
        JsonWebToken first = tokens.verify("token-a", verifier(NOW + 60));
        JsonWebToken second = tokens.verify("token-a", verifier(NOW + 60));

        assertSame(first, second);
        assertEquals(List.of("token-a"), verifications);
    }

    @Test
    void fromItsExpiryTheVerifierDecidesAgain() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens(100, clock);
        tokens.verify("token-a", verifier(NOW + 60));
        clock.second = NOW + 60;

        assertThrows(ParseException.class, () -> tokens.verify("token-a", expired()));
        assertEquals(List.of("token-a", "token-a"), verifications);
        assertEquals(0, tokens.size(), "an expired token is forgotten");
    }

    @Test
    void aRefusedTokenIsNotRemembered() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens(100, clock);
        assertThrows(ParseException.class, () -> tokens.verify("forged", expired()));
        tokens.verify("forged", verifier(NOW + 60));

        assertEquals(List.of("forged", "forged"), verifications, "the second presentation is verified, not looked up");
    }

    @Test
    void anotherTokenTextIsVerifiedEvenWhenItsClaimsMatch() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens(100, clock);
        tokens.verify("header.claims.signature", verifier(NOW + 60));
        tokens.verify("header.claims.forged-signature", verifier(NOW + 60));

        assertEquals(List.of("header.claims.signature", "header.claims.forged-signature"), verifications);
    }

    @Test
    void whenFullExpiredTokensGoFirstThenEverything() throws ParseException {
        VerifiedTokens tokens = new VerifiedTokens(3, clock);
        tokens.verify("short-1", verifier(NOW + 10));
        tokens.verify("short-2", verifier(NOW + 10));
        tokens.verify("long-1", verifier(NOW + 600));
        clock.second = NOW + 20;

        tokens.verify("long-2", verifier(NOW + 600));
        assertEquals(2, tokens.size(), "the two expired ones made room");

        tokens.verify("long-3", verifier(NOW + 600));
        tokens.verify("long-4", verifier(NOW + 600));
        assertTrue(tokens.size() <= 3, "never more than the capacity: " + tokens.size());
    }

    private VerifiedTokens.Verifier verifier(long exp) {
        return token -> {
            verifications.add(token);
            return new Token(exp);
        };
    }

    private VerifiedTokens.Verifier expired() {
        return token -> {
            verifications.add(token);
            throw new ParseException("expired");
        };
    }

    private static final class MovableClock extends Clock {
        long second = NOW;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(second);
        }
    }

    private record Token(long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return "user";
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return "exp".equals(claimName) ? (T) Long.valueOf(exp) : null;
        }
    }
}
