package dev.rapport.reminders.service;

import dev.rapport.kit.tenancy.WorkspaceContext;
import dev.rapport.reminders.config.RemindersConfig;
import dev.rapport.reminders.domain.Reminder;
import dev.rapport.reminders.messaging.ReminderEvents;
import dev.rapport.reminders.repository.ReminderRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.List;

/**
 * Publishes {@code reminder.due.v1} once for each time a reminder comes due, whatever the number of replicas: each
 * replica locks the due rows it takes ({@code for update skip locked}), writes their events to the outbox and marks
 * them announced in the same transaction, so another replica skips them and a restart finds them announced. A reminder
 * that comes due again (snoozed, rolled forward, moved) is announced again, for its new moment.
 */
@ApplicationScoped
public class DueScheduler {

    @Inject
    ReminderRepository reminders;

    @Inject
    ReminderEvents events;

    @Inject
    WorkspaceContext workspaces;

    @Inject
    RemindersConfig config;

    @Scheduled(every = "${rapport.reminders.due-check-every:10s}", delayed = "${rapport.reminders.due-check-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        announceDue(Instant.now());
    }

    /** @return how many reminders this call announced */
    public int announceDue(Instant now) {
        int announced = 0;
        List<String> workspaceIds = workspaces.callAcrossWorkspaces(() ->
                QuarkusTransaction.requiringNew().call(() -> reminders.workspacesWithDueReminders(now)));
        for (String workspace : workspaceIds) {
            int batch;
            do {
                batch = workspaces.callAs(workspace, () -> QuarkusTransaction.requiringNew().call(() -> announceBatch(now)));
                announced += batch;
            } while (batch == config.dueBatchSize());
        }
        return announced;
    }

    private int announceBatch(Instant now) {
        List<Reminder> due = reminders.dueToAnnounce(now, config.dueBatchSize());
        if (due.isEmpty()) {
            return 0;
        }
        reminders.markAnnounced(due.stream().map(Reminder::id).toList());
        due.forEach(events::due);
        return due.size();
    }
}
