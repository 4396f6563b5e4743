package dev.rapport.interactions.config;

import java.time.Duration;

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
    }

    interface Upload {

        /** Largest .ics file accepted as an upload. */
        @WithDefault("10485760")
        long maxBytes();
    }
}
