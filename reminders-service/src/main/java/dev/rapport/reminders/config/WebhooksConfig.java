package dev.rapport.reminders.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Webhook deliveries ({@code rapport.webhooks.*}). */
@ConfigMapping(prefix = "rapport.webhooks")
public interface WebhooksConfig {

    /** How often the dispatcher looks for deliveries due ({@code off}: never, e.g. in tests that call it). */
    @WithDefault("1s")
    String dispatchEvery();

    /** Connect and answer deadline of one delivery attempt: a slow receiver's attempt fails after it. */
    @WithDefault("PT10S")
    Duration timeout();

    /** The wait before the first retry; each next one waits twice as long, up to {@link #maxRetryInterval()}. */
    @WithDefault("PT10S")
    Duration firstRetry();

    @WithDefault("PT2H")
    Duration maxRetryInterval();

    /** How long a delivery is retried before it is given up (failed; replayable). */
    @WithDefault("PT24H")
    Duration retryFor();

    /** An endpoint whose every attempt failed for this long is disabled. */
    @WithDefault("PT24H")
    Duration disableAfter();

    /** After a secret is rotated, deliveries are signed with the old one too for this long. */
    @WithDefault("PT24H")
    Duration secretOverlap();

    /** How long deliveries are kept, whatever became of them (their bodies hold people's data). */
    @WithDefault("P30D")
    Duration keepDeliveries();

    /** Deliveries claimed per round, across endpoints. */
    @WithDefault("200")
    int batchSize();

    /** Deliveries of one endpoint in flight at once: a slow endpoint holds no more than these. */
    @WithDefault("4")
    int perEndpoint();

    /** Webhooks one user may have. */
    @WithDefault("25")
    int maxPerUser();

    /** Only for tests and closed networks: lets webhook URLs reach loopback and private addresses. */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** Host names (as written in the URL, case-insensitive) delivered to even when they resolve to a private address. */
    Optional<List<String>> allowedHosts();
}
