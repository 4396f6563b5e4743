package dev.rapport.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The outbox relay ({@code rapport.outbox.*}). */
@ConfigMapping(prefix = "rapport.outbox")
public interface OutboxConfig {

    /** Events published per relay transaction. */
    @WithDefault("500")
    int batchSize();

    /** How long the relay waits for Kafka to acknowledge a batch. */
    @WithDefault("PT15S")
    Duration publishTimeout();

    /** How long published rows are kept. */
    @WithDefault("P7D")
    Duration retention();

    /** How often the relay sweeps for events left behind; read by its {@code @Scheduled} expression. */
    @WithDefault("2s")
    String sweepInterval();

    /** How long after start the first sweep and prune wait; read by their {@code @Scheduled} expressions. */
    @WithDefault("3s")
    String sweepDelay();

    /** How often published rows past the retention are deleted; read by its {@code @Scheduled} expression. */
    @WithDefault("1h")
    String pruneInterval();
}
