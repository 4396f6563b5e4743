package dev.rapport.kit.outbox;

import dev.rapport.kit.KitTestResource;
import dev.rapport.kit.KitTopic;
import dev.rapport.kit.testapp.EventWriter;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox relay against the real database and broker: order per key, wakes, the sweep, the relay lock. */
@QuarkusTest
@WithTestResource(KitTestResource.class)
class OutboxRelayTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EventWriter writer;

    @Inject
    OutboxRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Scheduler scheduler;

    @Test
    void eachKeysEventsArriveOnceAndInOrderWhileManyWritersAppendAtOnce() throws Exception {
        List<UUID> subjects = IntStream.range(0, 12).mapToObj(i -> UUID.randomUUID()).toList();
        appendAtOnce("relay-order", subjects, 15, 6);
        assertArrivedInOrder(subjects, 15);
    }

    @Test
    void commitsAloneGetEveryEventPublishedWhileBatchesAreUnderWay() throws Exception {
        // The relay skips a look when every event commits announced was in the batch it just published. With the sweep
        // paused, a wrong skip would leave the last commits unpublished.
        List<UUID> subjects = IntStream.range(0, 8).mapToObj(i -> UUID.randomUUID()).toList();
        scheduler.pause(OutboxSchedule.SWEEP);
        try {
            appendAtOnce("relay-wake", subjects, 30, 8);
            assertArrivedInOrder(subjects, 30);
        } finally {
            scheduler.resume(OutboxSchedule.SWEEP);
        }
    }

    /** One writer per key at a time (as an aggregate's version check makes it), many keys at once, a commit each. */
    private void appendAtOnce(String workspace, List<UUID> subjects, int perKey, int threads) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (UUID subject : subjects) {
                done.add(writers.submit(() -> IntStream.range(0, perKey).forEach(n -> writer.append(workspace, subject, n))));
            }
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }
    }

    private void assertArrivedInOrder(List<UUID> subjects, int perKey) {
        Map<String, List<Integer>> seen = KitTopic.numbersByKey(bootstrapServers, keys(subjects), subjects.size() * perKey, ARRIVAL);
        List<Integer> inOrder = IntStream.range(0, perKey).boxed().toList();
        subjects.forEach(subject -> assertEquals(inOrder, seen.get(subject.toString()), "events of " + subject));
    }

    @Test
    void rowsCommittedButNeverRelayedArePublishedByTheSweep() throws Exception {
        // Committed with nothing to wake the relay: as if the service died between its commit and the relay's turn.
        UUID subject = UUID.randomUUID();
        insertPending(List.of(subject), 3);

        Map<String, List<Integer>> seen = KitTopic.numbersByKey(bootstrapServers, keys(List.of(subject)), 3, ARRIVAL);
        assertEquals(List.of(0, 1, 2), seen.get(subject.toString()));
        awaitNothingPending(List.of(subject));
    }

    @Test
    void aRelayThatFindsTheLockTakenPublishesNothingUntilItIsFree() throws Exception {
        UUID subject = UUID.randomUUID();
        try (Connection otherRelay = dataSource.getConnection()) {
            otherRelay.setAutoCommit(false);
            try (Statement lock = otherRelay.createStatement()) {
                lock.execute("select pg_advisory_xact_lock(hashtext('rapport.outbox.relay'))");
            }
            insertPending(List.of(subject), 3);
            assertEquals(0, inRequest(relay::publishBatch), "the lock is held elsewhere");
            // Nor does the periodic sweep (every second here) get past it, over two and a half sweeps.
            await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5))
                    .until(() -> pending(List.of(subject)) == 3);
            otherRelay.rollback(); // the other relay crashed: its lock ends with its transaction
        }
        Map<String, List<Integer>> seen = KitTopic.numbersByKey(bootstrapServers, keys(List.of(subject)), 3, ARRIVAL);
        assertEquals(List.of(0, 1, 2), seen.get(subject.toString()));
    }

    @Test
    void relaysRacingEachOtherPublishEveryRowOnceAndInOrder() throws Exception {
        int perKey = 40;
        List<UUID> subjects = IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID()).toList();
        insertPending(subjects, perKey);

        // Four relays (replicas) drain at once, besides this service's own sweep, in batches of 20.
        ExecutorService relays = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> published = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                published.add(relays.submit(() -> {
                    int total = 0;
                    Instant deadline = Instant.now().plus(ARRIVAL);
                    while (pending(subjects) > 0 && Instant.now().isBefore(deadline)) {
                        total += inRequest(relay::publishBatch);
                    }
                    return total;
                }));
            }
            int total = 0;
            for (Future<Integer> future : published) {
                total += future.get(90, TimeUnit.SECONDS);
            }
            assertTrue(total <= subjects.size() * perKey, "no row is published twice: " + total);
        } finally {
            relays.shutdownNow();
        }
        assertEquals(0, pending(subjects));

        assertArrivedInOrder(subjects, perKey);
    }

    private static Set<String> keys(List<UUID> subjects) {
        return subjects.stream().map(UUID::toString).collect(Collectors.toSet());
    }

    /** Outbox rows as a service's transaction commits them, keys interleaved, in one commit. */
    private void insertPending(List<UUID> subjects, int perKey) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into outbox_event (id, topic, type, subject, payload, occurred_at, workspace_id)
                     values (?, ?, ?, ?, cast(? as jsonb), now(), 'relay-test')""")) {
            connection.setAutoCommit(false);
            for (int n = 0; n < perKey; n++) {
                for (UUID subject : subjects) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, KitTestResource.TOPIC);
                    insert.setString(3, EventWriter.TYPE);
                    insert.setString(4, subject.toString());
                    insert.setString(5, "{\"n\":" + n + "}");
                    insert.addBatch();
                }
            }
            insert.executeBatch();
            connection.commit();
        }
    }

    private int pending(List<UUID> subjects) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(
                     "select count(*) from outbox_event where published_at is null and subject = any(?)")) {
            count.setArray(1, connection.createArrayOf("text", subjects.stream().map(UUID::toString).toArray()));
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private void awaitNothingPending(List<UUID> subjects) {
        await().atMost(ARRIVAL).until(() -> pending(subjects) == 0);
    }

    /** The relay runs its batches in a request context (Hibernate asks the tenant resolver there). */
    private static int inRequest(java.util.function.IntSupplier work) {
        ManagedContext context = Arc.container().requestContext();
        boolean activated = !context.isActive();
        if (activated) {
            context.activate();
        }
        try {
            return work.getAsInt();
        } finally {
            if (activated) {
                context.terminate();
            }
        }
    }
}
