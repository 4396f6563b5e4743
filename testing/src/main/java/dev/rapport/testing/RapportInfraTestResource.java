package dev.rapport.testing;

import dev.rapport.local.DevKeys;
import dev.rapport.local.Infrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a service under {@code @QuarkusTest} at the shared real PostgreSQL and Kafka, and makes it trust the
 * test signing key ({@link TestTokens}), with rate limits off. Services compose their
 * JDBC URL from {@code rapport.db.port}, so one resource serves all three databases. Every JSON answer the tests receive
 * is checked against the service's API document ({@link ResponsesMatchApiDocument}).
 */
public class RapportInfraTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Infrastructure infrastructure = TestInfrastructure.get();
        ResponsesMatchApiDocument.install();
        return Map.of(
                "rapport.db.port", Integer.toString(infrastructure.postgres().port()),
                "kafka.bootstrap.servers", infrastructure.kafka().bootstrapServers(),
                "mp.jwt.verify.publickey.location", TestInfrastructure.keys().publicKeyLocation(),
                "mp.jwt.verify.issuer", DevKeys.ISSUER,
                // A test suite calls far faster than any client; the limits have their own test (service-kit).
                "rapport.rate-limit.enabled", "false");
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; TestInfrastructure stops it when the JVM exits.
    }
}
