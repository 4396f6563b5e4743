package dev.rapport.kit.inbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Remembers which events a consumer has applied, in the same transaction as the effect. Records older than
 * the retention are forgotten: far longer than the topics keep events, so nothing can be redelivered after.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "rapport.inbox.retention", defaultValue = "P30D")
    Duration retention;

    @Scheduled(every = "${rapport.inbox.prune-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void prune() {
        entityManager.createNativeQuery("delete from inbox_event where received_at < :before")
                .setParameter("before", OffsetDateTime.now(ZoneOffset.UTC).minus(retention))
                .executeUpdate();
    }

    /** @return true the first time this consumer sees the event id; false for every redelivery */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, IncomingEvent event) {
        return entityManager.createNativeQuery("""
                        insert into inbox_event (consumer, event_id, workspace_id) values (:consumer, :eventId, :workspace)
                        on conflict do nothing""")
                .setParameter("consumer", consumer)
                .setParameter("eventId", event.id())
                .setParameter("workspace", event.workspaceId())
                .executeUpdate() == 1;
    }
}
