package dev.rapport.kit.inbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Event consumers ({@code rapport.consumer.*}): retries before a message is dead-lettered. */
@ConfigMapping(prefix = "rapport.consumer")
public interface ConsumerConfig {

    @WithDefault("5")
    int maxAttempts();

    /** The first retry's pause, doubled on each further attempt (up to 64 times). */
    @WithDefault("PT0.2S")
    Duration retryBackoff();
}
