package dev.rapport.kit.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * Idempotency keys ({@code rapport.idempotency.*}): how long a stored response is replayed. Its schedule
 * ({@code prune-every}, 1h) is read by the scheduler from the same prefix.
 */
@ConfigMapping(prefix = "rapport.idempotency")
public interface IdempotencyConfig {

    @WithDefault("P1D")
    Duration retention();
}
