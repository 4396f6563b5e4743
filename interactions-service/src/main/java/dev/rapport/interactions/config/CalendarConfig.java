package dev.rapport.interactions.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Calendar import: uploaded .ics files and polled ICS subscription URLs. */
@ConfigMapping(prefix = "rapport.calendar")
public interface CalendarConfig {

    /** How often a subscription URL is fetched again. */
    @WithDefault("PT1H")
    Duration pollInterval();

    /** How far back from now occurrences are imported; recurring series are expanded over this span. */
    @WithDefault("P365D")
    Duration window();

    /**
     * The key (base64, 16 or 32 bytes) that subscription URLs are encrypted with (AES-GCM) at rest. Without it
     * subscriptions are refused (503); calendar file imports still work.
     */
    @WithName("url-key")
    Optional<String> urlKey();

    /** How often the poller looks for due subscriptions (each is still fetched only every poll-interval). */
    @WithDefault("10s")
    String pollerEvery();

    /** How long after start-up the poller first runs. */
    @WithDefault("10s")
    String pollerDelay();

    /** Sources claimed by one poller run. */
    @WithDefault("20")
    int pollBatch();

    /** An import lists at most this many per-event reasons; its counts stay exact. */
    @WithDefault("1000")
    int maxReasons();

    Fetch fetch();

    @WithName("import")
    Upload upload();

    interface Fetch {

        /** Only for tests and closed networks: lets subscription URLs reach loopback and private addresses. */
        @WithDefault("false")
        boolean allowPrivateAddresses();

        /** Connect and whole-response (headers and body) limit per fetch, redirects included. */
        @WithDefault("PT20S")
        Duration timeout();

        @WithDefault("10485760")
        long maxBytes();

        /**
         * Host names (as written in the URL, case-insensitive) fetched even when they resolve to a private or loopback
         * address: a calendar server on the internal network, or {@code localhost} in tests. Empty by default.
         */
        Optional<List<String>> allowedHosts();
    }

    interface Upload {

        /** Largest .ics file accepted as an upload. */
        @WithDefault("10485760")
        long maxBytes();
    }
}
