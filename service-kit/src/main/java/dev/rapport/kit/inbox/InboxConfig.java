package dev.rapport.kit.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The inbox ({@code rapport.inbox.*}): how long applied event ids are remembered. */
@ConfigMapping(prefix = "rapport.inbox")
public interface InboxConfig {

    @WithDefault("P30D")
    Duration retention();

    /** How often old inbox rows are deleted; read by its {@code @Scheduled} expression. */
    @WithDefault("1h")
    String pruneInterval();
}
