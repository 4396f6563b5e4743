package dev.rapport.kit.tenancy;

import io.smallrye.jwt.auth.principal.ParseException;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens already verified, kept until they expire: a client sends the same bearer token with every request, and
 * checking its RSA signature and claims again each time was a fifth of a request's CPU. The key is the whole token
 * text, signature included, so only the very token that passed verification is found here; a lookup at or after
 * its {@code exp} misses and the verifier decides (and refuses it). Bounded: when full, expired entries go first,
 * then everything (the next requests verify again).
 */
final class VerifiedTokens {

    /** The verification a miss falls back to. */
    interface Verifier {
        JsonWebToken verify(String token) throws ParseException;
    }

    private record Verified(JsonWebToken token, long expiresAtSecond) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final int capacity;
    private final Clock clock;

    VerifiedTokens(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
    }

    JsonWebToken verify(String token, Verifier verifier) throws ParseException {
        long now = clock.instant().getEpochSecond();
        Verified known = verified.get(token);
        if (known != null) {
            if (now < known.expiresAtSecond()) {
                return known.token();
            }
            verified.remove(token, known);
        }
        JsonWebToken fresh = verifier.verify(token);
        long expiresAt = fresh.getExpirationTime();
        if (expiresAt > now) {
            makeRoom(now);
            verified.put(token, new Verified(fresh, expiresAt));
        }
        return fresh;
    }

    int size() {
        return verified.size();
    }

    private void makeRoom(long now) {
        if (verified.size() < capacity) {
            return;
        }
        verified.values().removeIf(entry -> entry.expiresAtSecond() <= now);
        if (verified.size() >= capacity) {
            verified.clear();
        }
    }
}
