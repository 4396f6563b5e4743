package dev.rapport.kit.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * The outbox relay ({@code rapport.outbox.*}). Its schedules ({@code sweep-interval} 2s, {@code sweep-delay} 3s,
 * {@code prune-interval} 1h) are read by the scheduler from the same prefix.
 */
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
}
