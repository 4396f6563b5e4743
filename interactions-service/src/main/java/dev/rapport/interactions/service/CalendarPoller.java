package dev.rapport.interactions.service;

import dev.rapport.interactions.config.CalendarConfig;
import dev.rapport.interactions.repository.CalendarSourceRepository;
import dev.rapport.kit.tenancy.WorkspaceContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;

/**
 * Polls due subscriptions. Safe with several replicas: each run claims due sources with {@code for update skip
 * locked} and a lease in a short transaction, so a source is polled by one replica; a replica that dies mid-poll
 * frees its sources when the lease runs out. Each source is then fetched outside any transaction and applied in its
 * owner's workspace and name.
 */
@ApplicationScoped
public class CalendarPoller {

    private static final Logger LOG = Logger.getLogger(CalendarPoller.class);

    @Inject
    CalendarSourceRepository sources;

    @Inject
    CalendarSourceService service;

    @Inject
    CalendarConfig config;

    @Inject
    WorkspaceContext workspaces;

    @Scheduled(every = "${rapport.calendar.poller-every:10s}", delayed = "${rapport.calendar.poller-delay:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollDue() {
        List<CalendarSourceRepository.Claimed> due;
        do {
            due = claim();
            for (CalendarSourceRepository.Claimed source : due) {
                try {
                    workspaces.callAs(source.workspace(), source.owner(), () -> {
                        service.poll(source.id());
                        return null;
                    });
                } catch (RuntimeException e) {
                    // The lease runs out and another run tries again; the URL is never in the message.
                    LOG.warnf("Calendar subscription %s could not be polled: %s", source.id(), e.getClass().getName());
                }
            }
        } while (due.size() == config.pollBatch());
    }

    private List<CalendarSourceRepository.Claimed> claim() {
        return workspaces.callAcrossWorkspaces(() -> QuarkusTransaction.requiringNew().call(() ->
                sources.claimDue(CalendarSourceService.LEASE, config.pollBatch())));
    }
}
