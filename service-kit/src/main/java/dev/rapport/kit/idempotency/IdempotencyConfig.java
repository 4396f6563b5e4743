package dev.rapport.kit.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Idempotency keys ({@code rapport.idempotency.*}): how long a stored response is replayed. */
@ConfigMapping(prefix = "rapport.idempotency")
public interface IdempotencyConfig {

    @WithDefault("P1D")
    Duration retention();

    /** How often expired responses are deleted; read by its {@code @Scheduled} expression. */
    @WithDefault("1h")
    String pruneEvery();
}
