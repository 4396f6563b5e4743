package dev.rapport.interactions.service;

import dev.rapport.interactions.domain.CalendarImport;
import dev.rapport.interactions.domain.Visibility;
import dev.rapport.interactions.mapping.calendar.CalendarContents;
import dev.rapport.interactions.mapping.calendar.InvalidCalendarFile;
import dev.rapport.interactions.repository.CalendarImportRepository;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.WorkspaceContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Imports an uploaded .ics file as a job. The file is read first (a file that is not iCalendar is refused before any
 * job exists); the job is then recorded with its bytes, applied within the request, and ends done (bytes dropped) or
 * failed. Processing in the request keeps the API a job's (202, Location, progress by GET) while a 5,000-event file
 * takes seconds; should files outgrow that, a worker claiming queued jobs can take over without an API change.
 */
@ApplicationScoped
public class CalendarImportService {

    private static final Logger LOG = Logger.getLogger(CalendarImportService.class);

    @Inject
    CalendarImportRepository jobs;

    @Inject
    CalendarSync sync;

    @Inject
    WorkspaceContext workspaces;

    /** @throws InvalidCalendarFile when the bytes are not an iCalendar file; nothing is recorded then */
    public CalendarImport importFile(byte[] ics, Visibility visibility) throws InvalidCalendarFile {
        CalendarContents contents = sync.read(ics);
        String user = workspaces.currentUser().orElseThrow();
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            CalendarImport job = new CalendarImport(ics, visibility, user);
            job.start();
            jobs.persist(job);
            return job.id();
        });
        try {
            CalendarSync.Result result = sync.apply(contents, visibility);
            QuarkusTransaction.requiringNew().run(() -> jobs.byId(id).orElseThrow()
                    .succeed(result.counts(), result.reasons(), result.reasonsTruncated()));
        } catch (RuntimeException e) {
            LOG.warnf(e, "Calendar import %s failed", id);
            QuarkusTransaction.requiringNew().run(() -> jobs.byId(id).orElseThrow()
                    .fail("The import stopped unexpectedly; what was imported before stays, importing again completes it"));
        }
        return QuarkusTransaction.requiringNew().call(() -> jobs.byId(id).orElseThrow());
    }

    /** The current user's import: another user's, or another workspace's, is not found. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CalendarImport find(UUID id) {
        String user = workspaces.currentUser().orElse(null);
        return jobs.byId(id).filter(job -> job.createdBy().equals(user))
                .orElseThrow(() -> Problems.notFound("No calendar import " + id));
    }
}
