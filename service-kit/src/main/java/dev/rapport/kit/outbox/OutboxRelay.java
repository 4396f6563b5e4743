package dev.rapport.kit.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.rapport.kit.config.ServiceConfig;
import dev.rapport.kit.sql.SqlTimes;
import dev.rapport.kit.tenancy.WorkspaceSql;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadataBuilder;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows to Kafka in commit order: woken right after each commit that appended an event, and
 * swept periodically for anything left behind by a crash or a broker outage.
 *
 * <p>One relay per database drains at a time (a transaction-scoped advisory lock), so with several replicas
 * an aggregate's events still leave in order; rows are marked published only once Kafka acknowledged them.
 * A crash between the acknowledgement and the mark republishes the batch: consumers are idempotent.
 */
@ApplicationScoped
@Unremovable
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String RELAY_LOCK = "select pg_try_advisory_xact_lock(hashtext('rapport.outbox.relay'))";
    /** Every statement of the relay spans the workspaces: it publishes all of them, in commit order. */
    private static final String ALL_WORKSPACES = "the relay publishes every workspace's events, in commit order";

    @Inject
    WorkspaceSql sql;

    @Inject
    OutboxMetrics metrics;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
    Emitter<String> emitter;

    @Inject
    ServiceConfig service;

    @Inject
    OutboxConfig config;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    /** A sweep or a start asked: look whatever commits announced. */
    private final AtomicBoolean lookRequested = new AtomicBoolean();
    /**
     * Events commits announced ({@link #wake(UUID)}) that this relay has not seen published. Most commits land while a
     * batch is on its way and are in it: without this, each such wake cost a transaction that found nothing.
     */
    private final Set<UUID> announced = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        worker.shutdown();
    }

    /** Asks for a drain; cheap and safe to call from any thread, any number of times. */
    public void wake() {
        lookRequested.set(true);
        requestDrain();
    }

    /** After the commit that appended {@code eventId}: a drain, unless a batch under way already holds it. */
    void wake(UUID eventId) {
        announced.add(eventId);
        requestDrain();
    }

    private void requestDrain() {
        wakeRequested.set(true);
        if (!stopped && draining.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // Stopped between the check and the call: what is left is published on the next start.
                draining.set(false);
            }
        }
    }

    /** Whether anything asked for since the last batch may still be unpublished. */
    private boolean worthLooking() {
        return lookRequested.getAndSet(false) || !announced.isEmpty();
    }

    /** Deletes published rows older than the retention (see {@link OutboxSchedule}). */
    public void prunePublished() {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention());
        QuarkusTransaction.requiringNew().run(() -> {
            // Remembered per workspace, so a feed cursor from before the pruned changes is told to resync.
            sql.crossWorkspace(ALL_WORKSPACES, """
                            insert into outbox_feed_pruned (workspace_id, pruned_to)
                            select workspace_id, max(feed_position) from outbox_event
                            where published_at < :before and feed_position is not null and workspace_id is not null
                            group by workspace_id
                            on conflict (workspace_id) do update
                            set pruned_to = greatest(outbox_feed_pruned.pruned_to, excluded.pruned_to)""")
                    .set("before", before)
                    .execute();
            sql.crossWorkspace(ALL_WORKSPACES, "delete from outbox_event where published_at < :before")
                    .set("before", before)
                    .execute();
        });
    }

    private void drain() {
        // Hibernate asks the tenant resolver on every session, and Quarkus only asks it inside a request context.
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            while (wakeRequested.getAndSet(false) && !stopped) {
                if (!worthLooking()) {
                    continue;
                }
                int published;
                do {
                    published = publishBatch();
                } while (published == config.batchSize() && !stopped);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Outbox relay could not publish (will retry on the next sweep): %s", e.getMessage());
        } finally {
            requestContext.terminate();
            draining.set(false);
        }
        if (wakeRequested.get() && !stopped) {
            requestDrain();
        }
    }

    /** @return how many events Kafka acknowledged; 0 when another replica holds the relay lock */
    int publishBatch() {
        long publishTimeoutMillis = config.publishTimeout().toMillis();
        return QuarkusTransaction.requiringNew().timeout((int) config.publishTimeout().toSeconds() + 30).call(() -> {
            if (!Boolean.TRUE.equals(sql.crossWorkspace(ALL_WORKSPACES, RELAY_LOCK).single())) {
                return 0;
            }
            // Announced before this look, so committed before it: a batch short of full holds those still pending.
            List<UUID> before = List.copyOf(announced);
            List<PendingEvent> batch = pending();
            if (batch.size() < config.batchSize()) {
                before.forEach(announced::remove);
            }
            if (batch.isEmpty()) {
                return 0;
            }
            CompletableFuture<?>[] acks = batch.stream().map(this::send).toArray(CompletableFuture[]::new);
            try {
                CompletableFuture.allOf(acks).get(publishTimeoutMillis, TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not acknowledge " + batch.size() + " events", e);
            }
            markPublished(batch);
            batch.forEach(event -> announced.remove(event.id()));
            return batch.size();
        });
    }

    /**
     * Marks the batch published and gives its events their changes-feed positions, in publishing order. Under the
     * relay lock, so each batch's positions follow the previous batch's, which committed before this one took the
     * lock: a feed reader never sees a position after one still invisible to it.
     */
    private void markPublished(List<PendingEvent> batch) {
        long last = ((Number) sql.crossWorkspace(ALL_WORKSPACES,
                        "select setval('outbox_feed_position', nextval('outbox_feed_position') + :n - 1)")
                .set("n", batch.size()).single()).longValue();
        sql.crossWorkspace(ALL_WORKSPACES, """
                        update outbox_event o set published_at = now(), feed_position = :first + r.rank - 1
                        from (select seq, row_number() over (order by seq) as rank from outbox_event where seq in (:seqs)) r
                        where o.seq = r.seq""")
                .set("first", last - batch.size() + 1)
                .set("seqs", batch.stream().map(PendingEvent::seq).toList())
                .execute();
    }

    private List<PendingEvent> pending() {
        List<Object[]> rows = sql.crossWorkspace(ALL_WORKSPACES, """
                        select seq, id, topic, type, subject, cast(payload as text), occurred_at,
                               cast(trace_context as text), workspace_id, audience
                        from outbox_event where published_at is null order by seq limit :limit""")
                .set("limit", config.batchSize())
                .rows();
        return rows.stream().map(row -> new PendingEvent(((Number) row[0]).longValue(), (UUID) row[1],
                (String) row[8], (String) row[2], (String) row[3], (String) row[4], (String) row[5], SqlTimes.utc(row[6]),
                traceContext((String) row[7]), (String) row[9])).toList();
    }

    private CompletableFuture<Void> send(PendingEvent event) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        OutgoingCloudEventMetadataBuilder<String> cloudEvent = OutgoingCloudEventMetadata.<String>builder()
                .withId(event.id().toString())
                .withSource(URI.create("/rapport/" + service.name()))
                .withType(event.type())
                .withSubject(event.subject())
                .withTimestamp(event.occurredAt().toZonedDateTime())
                .withDataContentType("application/json")
                .withExtension("workspaceid", event.workspace())
                // Who outside the services may read it: webhooks deliver by it.
                .withExtension("audience", new Audience(event.audience()).wire());
        RecordHeaders headers = new RecordHeaders();
        event.traceContext().forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.subject())
                .withTopic(event.topic())
                .withHeaders(headers)
                .build();
        emitter.send(Message.of(event.payload(), Metadata.of(cloudEvent.build(), record),
                () -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return acked;
    }

    private Map<String, String> traceContext(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return objectMapper.readValue(json, new TypeReference<Map<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
