package dev.rapport.kit.inbox;

import dev.rapport.kit.KitTestResource;
import dev.rapport.kit.testapp.Note;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.ce.DefaultCloudEventMetadataBuilder;
import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The idempotent consumer: an event applied once per consumer, in its workspace, whatever the redeliveries. */
@QuarkusTest
@WithTestResource(KitTestResource.class)
class InboxTest {

    private static final String CONSUMER = "kit-test-notes";

    @Inject
    EventConsumer consumer;

    @Inject
    EntityManager em;

    @Inject
    dev.rapport.kit.tenancy.WorkspaceContext workspaces;

    @Inject
    AgroalDataSource dataSource;

    /** The effect: a note in the event's workspace (stamped by the tenant resolver, as any entity is). */
    private final Consumer<IncomingEvent> addNote = event -> {
        Note note = new Note();
        note.body = event.data();
        note.createdAt = Instant.now();
        em.persist(note);
    };

    @Test
    void aRedeliveredEventIsAppliedOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        Outcome first = deliver(event(id, "inbox-redelivery", "first"), addNote);
        Outcome again = deliver(event(id, "inbox-redelivery", "second"), addNote);

        assertTrue(first.acked() && again.acked(), "both deliveries are acknowledged");
        assertEquals(List.of("first"), notes("inbox-redelivery"));
        assertEquals("inbox-redelivery", inboxWorkspace(id), "the inbox row is written in the event's workspace");
    }

    @Test
    void deliveriesOfOneEventAtOnceApplyItOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    return deliver(event(id, "inbox-concurrent", "once"), addNote);
                }));
            }
            start.countDown();
            for (Future<Outcome> outcome : outcomes) {
                assertTrue(outcome.get(60, TimeUnit.SECONDS).acked());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("once"), notes("inbox-concurrent"));
    }

    @Test
    void aFailingEventIsRetriedABoundedNumberOfTimesThenNackedLeavingNoTrace() throws Exception {
        String id = UUID.randomUUID().toString();
        AtomicInteger attempts = new AtomicInteger();
        Outcome failed = deliver(event(id, "inbox-poison", "poison"), event -> {
            attempts.incrementAndGet();
            addNote.accept(event);
            throw new IllegalArgumentException("cannot apply this one");
        });

        assertTrue(failed.nacked(), "nacked, so the channel dead-letters it");
        assertEquals(5, attempts.get(), "rapport.consumer.max-attempts");
        assertEquals(List.of(), notes("inbox-poison"), "every attempt rolled back");
        // Nothing remembered either: the event applies if it comes again once it can be.
        deliver(event(id, "inbox-poison", "fixed"), addNote);
        assertEquals(List.of("fixed"), notes("inbox-poison"));
    }

    @Test
    void aBatchAppliesEachEventOnceInItsOwnWorkspaceInOrder() throws Exception {
        String first = UUID.randomUUID().toString();
        List<Tracked> batch = List.of(track(event(first, "batch-a", "a1")), track(event(UUID.randomUUID().toString(), "batch-b", "b1")),
                track(event(UUID.randomUUID().toString(), "batch-a", "a2")), track(event(first, "batch-a", "a1 again")));

        List<List<String>> handed = new java.util.concurrent.CopyOnWriteArrayList<>();
        consumer.applyAll(CONSUMER, messages(batch), type -> true, events -> {
            handed.add(events.stream().map(IncomingEvent::data).toList());
            events.forEach(addNote);
        }).toCompletableFuture().get(60, TimeUnit.SECONDS);

        assertEquals(List.of(List.of("a1", "a2"), List.of("b1")), handed,
                "each workspace's first deliveries handed over together, in order, once");
        assertEquals(List.of("a1", "a2"), notes("batch-a"));
        assertEquals(List.of("b1"), notes("batch-b"));
        assertTrue(batch.stream().noneMatch(Tracked::nacked), "nothing dead-lettered");
    }

    @Test
    void aBatchLeavesOutWhatAnEarlierBatchAppliedAndKeepsAnyIdIntact() throws Exception {
        String seen = UUID.randomUUID().toString();
        // Ids are the producer's: commas, quotes and backslashes must not split or break the batch's one statement.
        String odd = "odd,\"id\"\\" + UUID.randomUUID();
        consumer.applyAll(CONSUMER, messages(List.of(track(event(seen, "batch-again", "first")))), type -> true,
                events -> events.forEach(addNote)).toCompletableFuture().get(60, TimeUnit.SECONDS);

        List<List<String>> handed = new java.util.concurrent.CopyOnWriteArrayList<>();
        consumer.applyAll(CONSUMER, messages(List.of(track(event(seen, "batch-again", "first, redelivered")),
                track(event(odd, "batch-again", "odd")))), type -> true, events -> {
            handed.add(events.stream().map(IncomingEvent::data).toList());
            events.forEach(addNote);
        }).toCompletableFuture().get(60, TimeUnit.SECONDS);

        assertEquals(List.of(List.of("odd")), handed, "only the event not applied before");
        assertEquals(List.of("first", "odd"), notes("batch-again"));
        assertEquals("batch-again", inboxWorkspace(odd));
    }

    @Test
    void aPoisonEventInABatchIsDeadLetteredAloneAndTheOthersApply() throws Exception {
        List<Tracked> batch = List.of(track(event(UUID.randomUUID().toString(), "batch-poison", "before")),
                track(event(UUID.randomUUID().toString(), "batch-poison", "poison")),
                track(event(UUID.randomUUID().toString(), "batch-poison", "after")));

        consumer.applyAll(CONSUMER, messages(batch), type -> true, events -> events.forEach(event -> {
            if (event.data().equals("poison")) {
                throw new IllegalArgumentException("cannot apply this one");
            }
            addNote.accept(event);
        })).toCompletableFuture().get(60, TimeUnit.SECONDS);

        assertEquals(List.of("before", "after"), notes("batch-poison"));
        assertEquals(List.of(false, true, false), batch.stream().map(Tracked::nacked).toList());
    }

    @Test
    void aRecordIsDeadLetteredOnlyOnceTheBatchsEffectsAreCommitted() throws Exception {
        // Dead-lettering acknowledges the record, and Kafka would commit the partition past everything before it.
        Tracked good = track(event(UUID.randomUUID().toString(), "batch-order", "applied first"));
        List<List<String>> seenAtDeadLettering = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<Boolean> unreadableSettled = new CompletableFuture<>();
        Message<String> unreadable = Message.of("not a CloudEvent", Metadata.empty(),
                () -> CompletableFuture.completedFuture(null),
                failure -> {
                    try {
                        seenAtDeadLettering.add(notes("batch-order"));
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    unreadableSettled.complete(false);
                    return CompletableFuture.completedFuture(null);
                });

        consumer.applyAll(CONSUMER, List.of(unreadable, good.message()), type -> true, events -> events.forEach(addNote))
                .toCompletableFuture().get(60, TimeUnit.SECONDS);

        assertTrue(unreadableSettled.isDone(), "the unreadable record is dead-lettered");
        assertEquals(List.of(List.of("applied first")), seenAtDeadLettering,
                "when it was, the batch's other event was already committed");
    }

    @Test
    void aWorkspaceTheConsumerHasNoWorkInIsSkippedWithoutAnInboxRowAndAnotherIsNot() throws Exception {
        String unwanted = UUID.randomUUID().toString();
        String wanted = UUID.randomUUID().toString();
        List<Tracked> batch = List.of(track(event(unwanted, "batch-unwanted", "unwanted")),
                track(event(wanted, "batch-wanted", "wanted")));

        consumer.applyAll(CONSUMER, messages(batch), type -> true,
                        () -> !"batch-unwanted".equals(workspaces.require()),
                        events -> events.forEach(addNote))
                .toCompletableFuture().get(60, TimeUnit.SECONDS);

        assertEquals(List.of(), notes("batch-unwanted"));
        assertEquals(List.of(), strings("select workspace_id from inbox_event where event_id = ?", unwanted));
        assertEquals(List.of("wanted"), notes("batch-wanted"));
        assertEquals("batch-wanted", inboxWorkspace(wanted));
        assertTrue(batch.stream().noneMatch(Tracked::nacked), "nothing dead-lettered");
    }

    @Test
    void anUnwantedWorkspaceIsSkippedOnTheOneByOnePathToo() throws Exception {
        String unwanted = UUID.randomUUID().toString();
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        // The batch's transaction fails on the first question, so the event goes the one-by-one way.
        consumer.applyAll(CONSUMER, messages(List.of(track(event(unwanted, "batch-unwanted-alone", "unwanted")))),
                        type -> true, () -> {
                            if (asked.getAndIncrement() == 0) {
                                throw new IllegalStateException("the first question fails");
                            }
                            return false;
                        }, events -> events.forEach(addNote))
                .toCompletableFuture().get(60, TimeUnit.SECONDS);

        assertTrue(asked.get() >= 2, "asked again on the one-by-one path");
        assertEquals(List.of(), notes("batch-unwanted-alone"));
        assertEquals(List.of(), strings("select workspace_id from inbox_event where event_id = ?", unwanted));
    }

    @Test
    void eventsOfATypeTheConsumerDoesNotApplyLeaveNoInboxRow() throws Exception {
        String skipped = UUID.randomUUID().toString();
        List<Tracked> batch = List.of(track(event(skipped, "batch-skip", "skipped")));

        consumer.applyAll(CONSUMER, messages(batch), type -> false, events -> events.forEach(addNote)).toCompletableFuture().get(60, TimeUnit.SECONDS);

        assertEquals(List.of(), notes("batch-skip"));
        assertEquals(List.of(), strings("select workspace_id from inbox_event where event_id = ?", skipped));
    }

    private record Tracked(Message<String> message, CompletableFuture<Boolean> settled) {
        boolean nacked() {
            return settled.isDone() && !settled.join();
        }
    }

    private static Tracked track(Message<String> message) {
        CompletableFuture<Boolean> settled = new CompletableFuture<>();
        return new Tracked(Message.of(message.getPayload(), message.getMetadata(),
                () -> {
                    settled.complete(true);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    settled.complete(false);
                    return CompletableFuture.completedFuture(null);
                }), settled);
    }

    private static List<Message<String>> messages(List<Tracked> batch) {
        return batch.stream().map(Tracked::message).toList();
    }

    private record Outcome(boolean acked, boolean nacked) {
    }

    private Outcome deliver(Message<String> message, Consumer<IncomingEvent> handler) throws Exception {
        Tracked tracked = track(message);
        consumer.process(CONSUMER, tracked.message(), handler);
        boolean acked = tracked.settled().get(60, TimeUnit.SECONDS);
        return new Outcome(acked, !acked);
    }

    private static Message<String> event(String id, String workspace, String data) {
        var metadata = new DefaultIncomingCloudEventMetadata<>(new DefaultCloudEventMetadataBuilder<String>()
                .withId(id).withSource(URI.create("/rapport/test")).withType("dev.rapport.kit-test.note.v1")
                .withSubject(UUID.randomUUID().toString()).withExtension("workspaceid", workspace).withData(data)
                .build());
        return Message.of(data, Metadata.of(metadata));
    }

    private List<String> notes(String workspace) throws SQLException {
        return strings("select body from kit_note where workspace_id = ? order by id", workspace);
    }

    private String inboxWorkspace(String eventId) throws SQLException {
        List<String> found = strings("select workspace_id from inbox_event where event_id = ?", eventId);
        assertEquals(1, found.size());
        return found.get(0);
    }

    private List<String> strings(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            List<String> values = new ArrayList<>();
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }
}
