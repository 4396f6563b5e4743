package dev.rapport.kit.outbox;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The relay's timers: a sweep for what no commit woke it for (a crash, a broker outage), and pruning. They wait
 * for the application to have started: the scheduler's first tick can come before messaging has wired the
 * relay's channel, and creating the relay then fails (an error at every slow start).
 */
@ApplicationScoped
public class OutboxSchedule {

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxMetrics metrics;

    private volatile boolean started;

    /** After messaging's own start-up observers (they run at library priority, before the application's). */
    void onStart(@Observes StartupEvent event) {
        started = true;
        relay.wake();
    }

    /** The sweep's job identity, for {@code Scheduler.pause}. */
    static final String SWEEP = "rapport-outbox-sweep";

    @Scheduled(identity = SWEEP, every = "${rapport.outbox.sweep-interval:2s}", delayed = "${rapport.outbox.sweep-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        if (started) {
            relay.wake();
            metrics.refreshBacklog();
        }
    }

    @Scheduled(every = "${rapport.outbox.prune-interval:1h}", delayed = "${rapport.outbox.sweep-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void prune() {
        if (started) {
            relay.prunePublished();
        }
    }
}
