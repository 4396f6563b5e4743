package dev.rapport.kit.inbox;

import dev.rapport.kit.tenancy.WorkspaceSql;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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
        return sql.query("""
                        insert into inbox_event (consumer, event_id, workspace_id) values (:consumer, :eventId, :workspace)
                        on conflict do nothing""")
                .set("consumer", consumer)
                .set("eventId", event.id())
                .execute() == 1;
    }
}
