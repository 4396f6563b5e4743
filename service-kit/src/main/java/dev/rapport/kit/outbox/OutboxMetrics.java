package dev.rapport.kit.outbox;

import dev.rapport.kit.tenancy.WorkspaceSql;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code rapport_outbox_backlog} (rows not yet published) and {@code rapport_outbox_oldest_pending_seconds},
 * refreshed by the relay's sweep so a metrics scrape never touches the database.
 */
@ApplicationScoped
public class OutboxMetrics {

    @Inject
    WorkspaceSql sql;

    @Inject
    MeterRegistry registry;

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();

    @PostConstruct
    void register() {
        Gauge.builder("rapport.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox events not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("rapport.outbox.oldest.pending.seconds", oldestPendingSeconds, AtomicLong::get)
                .description("Age of the oldest outbox event not yet acknowledged by Kafka")
                .baseUnit("seconds")
                .register(registry);
    }

    void refreshBacklog() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> sql.crossWorkspace(
                        "the backlog is the relay's, which publishes every workspace's events", """
                        select count(*), coalesce(extract(epoch from now() - min(occurred_at)), 0)
                        from outbox_event where published_at is null""")
                .<Object[]>single());
        backlog.set(((Number) row[0]).longValue());
        oldestPendingSeconds.set(((Number) row[1]).longValue());
    }
}
