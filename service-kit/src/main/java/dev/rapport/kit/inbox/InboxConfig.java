package dev.rapport.kit.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The inbox ({@code rapport.inbox.*}): how long applied event ids are remembered. Its schedule
 * ({@code prune-interval}, 1h) is read by the scheduler from the same prefix.
 */
@ConfigMapping(prefix = "rapport.inbox")
public interface InboxConfig {

    @WithDefault("P30D")
    Duration retention();
}
