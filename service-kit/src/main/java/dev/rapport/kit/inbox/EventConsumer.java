package dev.rapport.kit.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import dev.rapport.kit.tenancy.WorkspaceContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Applies an event exactly once per consumer: the inbox record and the handler's effect share one
 * transaction, run in the event's workspace (its {@code workspaceid}), so the handler sees and writes only
 * that workspace's rows. A failing handler is retried with backoff a bounded number of times; then the message is
 * nacked, which the channel's dead-letter-queue failure strategy sends to {@code <topic>.dlq} so the
 * partition moves on. A failure of the database itself (connection lost, pool exhausted) is not the event's fault:
 * it is retried until the database is back, holding the partition, rather than dead-lettered; a deadlock or
 * serialization failure is retried longer than other failures, but not forever.
 *
 * <p>Consumers take a poll's records at once ({@link #processBatch}): one transaction per workspace in the batch
 * instead of one per event, which is what lets a consumer keep up with a burst on a small machine.
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
        Outcome outcome = applyAlone(consumer, event, handler);
        if (outcome.interrupted()) {
            // Shutting down: leave the offset uncommitted so the event is redelivered, not dead-lettered.
            return new CompletableFuture<>();
        }
        return outcome.failure() == null ? message.ack() : message.nack(outcome.failure());
    }

    /** How applying one event on its own ended: applied (or a duplicate), given up on, or cut short by shutdown. */
    private record Outcome(RuntimeException failure, boolean interrupted) {
        static final Outcome DONE = new Outcome(null, false);
        static final Outcome INTERRUPTED = new Outcome(null, true);
    }

    /** One event in its own transaction, retried with backoff; a failure of the database itself is waited out. */
    private Outcome applyAlone(String consumer, IncomingEvent event, Consumer<IncomingEvent> handler) {
        return applyAlone(consumer, event, () -> true, handler);
    }

    private Outcome applyAlone(String consumer, IncomingEvent event, BooleanSupplier wanted, Consumer<IncomingEvent> handler) {
        int maxAttempts = config.maxAttempts();
        Duration backoff = config.retryBackoff();
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= maxAttempts || TransientFailures.worthWaitingOut(failure, attempt - 1, maxAttempts); attempt++) {
            try {
                String outcome = workspaces.callAs(event.workspaceId(), () -> QuarkusTransaction.requiringNew().call(() -> {
                    if (!wanted.getAsBoolean()) {
                        return "skipped";
                    }
                    if (!inbox.firstDelivery(consumer, event)) {
                        return "duplicate";
                    }
                    handler.accept(event);
                    return "applied";
                }));
                consumed(consumer, outcome);
                return Outcome.DONE;
            } catch (RuntimeException e) {
                failure = e;
                LOG.debugf("%s failed on event %s (attempt %d): %s", consumer, event.id(), attempt, e.getMessage());
                if (TransientFailures.isTransient(e) && attempt >= maxAttempts) {
                    LOG.warnf("%s waits for the database to apply event %s (attempt %d): %s", consumer, event.id(), attempt, e.getMessage());
                }
                if (!pause(backoff.multipliedBy(1L << Math.min(attempt - 1, 6)))) {
                    return Outcome.INTERRUPTED;
                }
            }
        }
        consumed(consumer, "dead-lettered");
        LOG.warnf("%s gives up on event %s of type %s after %d attempts; dead-lettering it: %s",
                consumer, event.id(), event.type(), maxAttempts, failure.getMessage());
        return new Outcome(failure, false);
    }

    /**
     * Applies a poll's records (a channel with {@code batch=true}), then acknowledges them. The events of one
     * workspace share one transaction and reach {@code handler} together, in the order they came (one aggregate's
     * events share a partition and a workspace, so they stay in order), redeliveries left out: a handler can do once
     * per batch what every event asks for (recompute what they all touched). When that transaction fails, its events
     * are applied again one by one, so only the event at fault is retried and dead-lettered. Events of a type the
     * consumer does not handle are acknowledged without a transaction or an inbox row (what is not a readable
     * CloudEvent with a workspace is still dead-lettered).
     *
     * <p>No record is settled on its own before the whole batch is: Kafka commits a partition up to the last record
     * acknowledged, so dead-lettering (which acknowledges the record it sends) waits until every effect of the batch
     * is committed, and shutdown in the middle of the batch leaves all of it to be redelivered.
     *
     * @param handles the event types {@code handler} applies
     */
    public CompletionStage<Void> processBatch(String consumer, KafkaRecordBatch<String, String> batch,
            Predicate<String> handles, Consumer<List<IncomingEvent>> handler) {
        return processBatch(consumer, batch, handles, () -> true, handler);
    }

    /**
     * As {@link #processBatch(String, KafkaRecordBatch, Predicate, Consumer)}, for a consumer that has nothing to do in
     * most workspaces (webhooks: only where someone registered one). {@code wanted} is asked in each workspace's
     * transaction before anything is written; where it says no, the events are skipped: no inbox row, no commit to
     * wait for.
     */
    public CompletionStage<Void> processBatch(String consumer, KafkaRecordBatch<String, String> batch,
            Predicate<String> handles, BooleanSupplier wanted, Consumer<List<IncomingEvent>> handler) {
        List<Message<String>> records = new ArrayList<>(batch.getRecords());
        return applyAll(consumer, records, handles, wanted, handler).thenCompose(settled -> batch.ack());
    }

    CompletionStage<Void> applyAll(String consumer, List<? extends Message<String>> records, Predicate<String> handles,
            Consumer<List<IncomingEvent>> handler) {
        return applyAll(consumer, records, handles, () -> true, handler);
    }

    /**
     * @return completes once every effect is committed and every record at fault dead-lettered; never completes
     *         when shutdown interrupted the batch or a record could not be dead-lettered (the batch is redelivered)
     */
    CompletionStage<Void> applyAll(String consumer, List<? extends Message<String>> records, Predicate<String> handles,
            BooleanSupplier wanted, Consumer<List<IncomingEvent>> handler) {
        Map<String, List<Delivery>> byWorkspace = new LinkedHashMap<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        for (Message<String> record : records) {
            IncomingEvent event;
            try {
                event = IncomingEvent.from(record);
            } catch (RuntimeException e) {
                consumed(consumer, "dead-lettered");
                deadLetters.add(new DeadLetter(record, e));
                continue;
            }
            if (handles.test(event.type())) {
                byWorkspace.computeIfAbsent(event.workspaceId(), workspace -> new ArrayList<>())
                        .add(new Delivery(record, event));
            } else {
                consumed(consumer, "skipped");
            }
        }
        for (Map.Entry<String, List<Delivery>> group : byWorkspace.entrySet()) {
            List<Delivery> deliveries = group.getValue();
            try {
                Integer applied = workspaces.callAs(group.getKey(), () -> QuarkusTransaction.requiringNew().call(() -> {
                    if (!wanted.getAsBoolean()) {
                        return null;
                    }
                    List<IncomingEvent> firstDeliveries = inbox.firstDeliveries(consumer,
                            deliveries.stream().map(Delivery::event).toList());
                    if (!firstDeliveries.isEmpty()) {
                        handler.accept(firstDeliveries);
                    }
                    return firstDeliveries.size();
                }));
                if (applied == null) {
                    consumed(consumer, "skipped", deliveries.size());
                    continue;
                }
                consumed(consumer, "applied", applied);
                consumed(consumer, "duplicate", deliveries.size() - applied);
            } catch (RuntimeException e) {
                LOG.debugf("%s applies %d events of workspace %s one by one: %s", consumer, deliveries.size(),
                        group.getKey(), e.getMessage());
                for (Delivery delivery : deliveries) {
                    Outcome outcome = applyAlone(consumer, delivery.event(), wanted, event -> handler.accept(List.of(event)));
                    if (outcome.interrupted()) {
                        return new CompletableFuture<>();
                    }
                    if (outcome.failure() != null) {
                        deadLetters.add(new DeadLetter(delivery.record(), outcome.failure()));
                    }
                }
            }
        }
        return deadLetter(deadLetters);
    }

    private record DeadLetter(Message<String> record, RuntimeException reason) {
    }

    /** One after the other; when one cannot be sent, the batch stays unacknowledged and comes again. */
    private static CompletionStage<Void> deadLetter(List<DeadLetter> deadLetters) {
        CompletableFuture<Void> sent = CompletableFuture.completedFuture(null);
        for (DeadLetter deadLetter : deadLetters) {
            sent = sent.thenCompose(previous -> deadLetter.record().nack(deadLetter.reason()).toCompletableFuture());
        }
        return sent.exceptionallyCompose(failure -> {
            LOG.errorf("Could not dead-letter a record (%s); the batch is left unacknowledged and will be redelivered",
                    failure.getMessage());
            return new CompletableFuture<>();
        });
    }

    private record Delivery(Message<String> record, IncomingEvent event) {
    }

    private void consumed(String consumer, String outcome, int count) {
        if (count > 0) {
            registry.counter("rapport.events.consumed", "consumer", consumer, "outcome", outcome).increment(count);
        }
    }

    /** {@code rapport_events_consumed_total{consumer, outcome=applied|duplicate|skipped|dead-lettered}} */
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
