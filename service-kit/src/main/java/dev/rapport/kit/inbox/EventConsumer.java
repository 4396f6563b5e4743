package dev.rapport.kit.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import dev.rapport.kit.tenancy.WorkspaceContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Applies an event exactly once per consumer: the inbox record and the handler's effect share one
 * transaction, run in the event's workspace (its {@code workspaceid}), so the handler sees and writes only
 * that workspace's rows. A failing handler is retried with backoff a bounded number of times; then the message is
 * nacked, which the channel's dead-letter-queue failure strategy sends to {@code <topic>.dlq} so the
 * partition moves on. A failure of the database itself (connection lost, pool exhausted, deadlock) is not the
 * event's fault: it is retried until the database is back, holding the partition, rather than dead-lettered.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @Inject
    Inbox inbox;

    @Inject
    MeterRegistry registry;

    @Inject
    WorkspaceContext workspaces;

    @Inject
    ConsumerConfig config;

    public CompletionStage<Void> process(String consumer, Message<String> message, Consumer<IncomingEvent> handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(message);
        } catch (RuntimeException e) {
            consumed(consumer, "dead-lettered");
            return message.nack(e);
        }
        int maxAttempts = config.maxAttempts();
        Duration backoff = config.retryBackoff();
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= maxAttempts || (failure != null && TransientFailures.isTransient(failure)); attempt++) {
            try {
                boolean applied = workspaces.callAs(event.workspaceId(), () -> QuarkusTransaction.requiringNew().call(() -> {
                    if (!inbox.firstDelivery(consumer, event)) {
                        return false;
                    }
                    handler.accept(event);
                    return true;
                }));
                consumed(consumer, applied ? "applied" : "duplicate");
                return message.ack();
            } catch (RuntimeException e) {
                failure = e;
                LOG.debugf("%s failed on event %s (attempt %d): %s", consumer, event.id(), attempt, e.getMessage());
                if (TransientFailures.isTransient(e) && attempt >= maxAttempts) {
                    LOG.warnf("%s waits for the database to apply event %s (attempt %d): %s", consumer, event.id(), attempt, e.getMessage());
                }
                if (!pause(backoff.multipliedBy(1L << Math.min(attempt - 1, 6)))) {
                    // Shutting down: leave the offset uncommitted so the event is redelivered, not dead-lettered.
                    return new java.util.concurrent.CompletableFuture<>();
                }
            }
        }
        consumed(consumer, "dead-lettered");
        LOG.warnf("%s gives up on event %s of type %s after %d attempts; dead-lettering it: %s",
                consumer, event.id(), event.type(), maxAttempts, failure.getMessage());
        return message.nack(failure);
    }

    /** {@code rapport_events_consumed_total{consumer, outcome=applied|duplicate|dead-lettered}} */
    private void consumed(String consumer, String outcome) {
        registry.counter("rapport.events.consumed", "consumer", consumer, "outcome", outcome).increment();
    }

    /** @return false when interrupted */
    private static boolean pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
