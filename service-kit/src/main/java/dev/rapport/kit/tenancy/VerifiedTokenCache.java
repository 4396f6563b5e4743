package dev.rapport.kit.tenancy;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.decorator.Decorator;
import jakarta.decorator.Delegate;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;

/**
 * Puts {@link VerifiedTokens} in front of the verifier Quarkus authenticates every bearer token with. Only
 * {@code parse(token)} with the configured issuer, key and audience is remembered; the other ways to parse go
 * straight to the library.
 */
@Decorator
@Priority(10)
abstract class VerifiedTokenCache implements JWTParser {

    /** The live bearer tokens of a couple of thousand users: a verified token with its claims is a few KB. */
    static final int CAPACITY = 2_000;

    private final VerifiedTokens verified = new VerifiedTokens(CAPACITY, Clock.systemUTC());

    @Inject
    @Delegate
    @Any
    JWTParser delegate;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return verified.verify(token, delegate::parse);
    }
}
