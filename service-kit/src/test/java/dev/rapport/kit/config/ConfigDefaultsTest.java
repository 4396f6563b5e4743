package dev.rapport.kit.config;

import dev.rapport.kit.http.HttpConfig;
import dev.rapport.kit.http.HttpLimitsConfig;
import dev.rapport.kit.idempotency.IdempotencyConfig;
import dev.rapport.kit.inbox.ConsumerConfig;
import dev.rapport.kit.inbox.InboxConfig;
import dev.rapport.kit.outbox.OutboxConfig;
import dev.rapport.kit.ratelimit.RateLimitConfig;
import dev.rapport.kit.tenancy.AuthConfig;
import dev.rapport.kit.KitTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The kit's settings keep the names and defaults the README documents (or the values this test app sets). */
@QuarkusTest
@WithTestResource(KitTestResource.class)
class ConfigDefaultsTest {

    @Inject
    ServiceConfig service;
    @Inject
    HttpConfig http;
    @Inject
    HttpLimitsConfig limits;
    @Inject
    AuthConfig auth;
    @Inject
    OutboxConfig outbox;
    @Inject
    ConsumerConfig consumer;
    @Inject
    InboxConfig inbox;
    @Inject
    IdempotencyConfig idempotency;
    @Inject
    RateLimitConfig rateLimits;

    @Test
    void everySettingHasItsDocumentedNameAndDefault() {
        assertEquals("kit-test", service.name());
        assertEquals(1024L * 1024, http.maxJsonBody().asLongValue());
        assertEquals(List.of("/v1/imports", "/v1/backups/"), http.uploadPaths());
        assertEquals(20L * 1024 * 1024, limits.maxBodySize().asLongValue(), "the kit's shared defaults set 20M");
        assertEquals("workspace", auth.workspaceClaim());
        assertEquals(20, outbox.batchSize(), "this test application's setting (500 by default)");
        assertEquals(Duration.ofSeconds(15), outbox.publishTimeout());
        assertEquals(Duration.ofDays(7), outbox.retention());
        assertEquals("1s", outbox.sweepInterval(), "this test application's setting (2s by default)");
        assertEquals("1h", outbox.pruneInterval());
        assertEquals(5, consumer.maxAttempts());
        assertEquals(Duration.ofMillis(50), consumer.retryBackoff(), "the kit's %test setting (PT0.2S otherwise)");
        assertEquals(Duration.ofDays(30), inbox.retention());
        assertEquals("1h", inbox.pruneInterval());
        assertEquals(Duration.ofDays(1), idempotency.retention());
        assertEquals("1h", idempotency.pruneEvery());
        assertEquals(100, rateLimits.user().perSecond());
        assertEquals(1000, rateLimits.user().burst());
        assertEquals(300, rateLimits.workspace().perSecond());
        assertEquals(3000, rateLimits.workspace().burst());
        assertFalse(rateLimits.enabled(), "the tests' setting (testing's RapportInfraTestResource; true by default)");
    }
}
