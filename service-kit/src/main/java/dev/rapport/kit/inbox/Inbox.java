package dev.rapport.kit.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.kit.tenancy.WorkspaceSql;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Remembers which events a consumer has applied, in the same transaction as the effect. Records older than
 * the retention are forgotten: far longer than the topics keep events, so nothing can be redelivered after.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    WorkspaceSql sql;

    @Inject
    InboxConfig config;

    @Inject
    ObjectMapper objectMapper;

    @Scheduled(every = "${rapport.inbox.prune-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void prune() {
        sql.crossWorkspace("retention applies to every workspace's inbox rows alike",
                        "delete from inbox_event where received_at < :before")
                .set("before", OffsetDateTime.now(ZoneOffset.UTC).minus(config.retention()))
                .execute();
    }

    /**
     * Run in the event's workspace ({@link EventConsumer} does), which the inbox row records.
     *
     * @return true the first time this consumer sees the event id; false for every redelivery
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, IncomingEvent event) {
        return !firstDeliveries(consumer, List.of(event)).isEmpty();
    }

    /**
     * A batch's inbox rows in one statement (one round trip, one auto-flush, whatever the batch's size). Run in the
     * events' workspace ({@link EventConsumer} does).
     *
     * @return those of {@code events} this consumer sees for the first time, in their order; an id repeated within
     *         {@code events} counts once, at its first place
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<IncomingEvent> firstDeliveries(String consumer, List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        events.forEach(event -> ids.add(event.id()));
        Set<String> inserted = new HashSet<>(sql.query("""
                        insert into inbox_event (consumer, event_id, workspace_id)
                        select :consumer, id, :workspace from jsonb_array_elements_text(cast(:ids as jsonb)) as id
                        on conflict do nothing
                        returning event_id""")
                .set("consumer", consumer)
                .set("ids", json(ids))
                .<String>list());
        List<IncomingEvent> first = new ArrayList<>();
        for (IncomingEvent event : events) {
            if (inserted.remove(event.id())) {
                first.add(event);
            }
        }
        return first;
    }

    /** Event ids are whatever the producer sent: a JSON array carries any of them intact. */
    private String json(Set<String> ids) {
        try {
            return objectMapper.writeValueAsString(ids);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
