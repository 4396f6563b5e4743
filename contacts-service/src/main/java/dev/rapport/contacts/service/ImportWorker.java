package dev.rapport.contacts.service;

import dev.rapport.contacts.domain.ImportFormat;
import dev.rapport.contacts.domain.ImportJob;
import dev.rapport.contacts.mapping.imports.CsvImport;
import dev.rapport.contacts.mapping.imports.ImportCandidate;
import dev.rapport.contacts.mapping.imports.InvalidImportFile;
import dev.rapport.contacts.mapping.imports.RapportJsonImport;
import dev.rapport.contacts.mapping.imports.VCardImport;
import dev.rapport.contacts.repository.ImportJobRepository;
import dev.rapport.contacts.repository.ImportRowRepository;
import dev.rapport.kit.tenancy.WorkspaceContext;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs queued imports in the background, one at a time per replica. A job is leased while it runs; a job
 * whose replica died is picked up again when its lease runs out and resumes after its last recorded row.
 */
@ApplicationScoped
public class ImportWorker {

    private static final Logger LOG = Logger.getLogger(ImportWorker.class);
    private static final Duration LEASE = Duration.ofMinutes(2);
    /** Rows applied in one transaction; the lease is extended after each batch. */
    private static final int BATCH = 200;

    @Inject
    ImportJobRepository jobs;

    @Inject
    ImportRowRepository rows;

    @Inject
    ImportBatchApplier applier;

    @Inject
    WorkspaceContext workspaces;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "contact-import");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean running = new AtomicBoolean();

    void onStop(@Observes ShutdownEvent event) {
        worker.shutdownNow();
    }

    public void wake() {
        if (running.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (RejectedExecutionException e) {
                running.set(false);
            }
        }
    }

    @Scheduled(every = "${rapport.imports.sweep-interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        wake();
    }

    private void drain() {
        try {
            Optional<ImportJobRepository.Claimed> next;
            while (!Thread.currentThread().isInterrupted() && (next = claim()).isPresent()) {
                ImportJobRepository.Claimed job = next.get();
                workspaces.callAs(job.workspace(), job.user(), () -> {
                    run(job);
                    return null;
                });
            }
        } catch (RuntimeException e) {
            LOG.warn("Import worker stopped; the next sweep resumes it", e);
        } finally {
            running.set(false);
        }
    }

    /** Across workspaces, so outside any tenant: Quarkus still wants a request context for the session. */
    private Optional<ImportJobRepository.Claimed> claim() {
        ManagedContext context = Arc.container().requestContext();
        context.activate();
        try {
            return QuarkusTransaction.requiringNew().call(() -> jobs.claimNext(LEASE));
        } finally {
            context.terminate();
        }
    }

    private void run(ImportJobRepository.Claimed claimed) {
        record Loaded(ImportFormat format, boolean dryRun, byte[] payload) {
        }
        Loaded loaded = QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = jobs.findById(claimed.id());
            return new Loaded(job.format(), job.dryRun(), job.payload());
        });
        List<ImportCandidate> candidates;
        try {
            candidates = read(loaded.format(), loaded.payload());
        } catch (InvalidImportFile e) {
            finish(claimed, e.getMessage());
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> jobs.findById(claimed.id()).read(candidates.size()));
        Set<Integer> done = QuarkusTransaction.requiringNew().call(() -> rows.doneRows(claimed.id()));
        List<ImportCandidate> todo = candidates.stream().filter(c -> !done.contains(c.rowNumber())).toList();
        for (int from = 0; from < todo.size(); from += BATCH) {
            applier.apply(claimed.id(), loaded.format(), loaded.dryRun(), todo.subList(from, Math.min(from + BATCH, todo.size())));
            QuarkusTransaction.requiringNew().run(() -> jobs.extendLease(claimed.id(), LEASE));
        }
        finish(claimed, null);
    }

    private void finish(ImportJobRepository.Claimed claimed, String failure) {
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = jobs.findById(claimed.id());
            if (failure == null) {
                job.succeed();
            } else {
                job.fail(failure);
            }
        });
    }

    static List<ImportCandidate> read(ImportFormat format, byte[] file) {
        return switch (format) {
            case VCARD -> VCardImport.read(file);
            case LINKEDIN_CSV -> CsvImport.linkedIn(file);
            case GOOGLE_CSV -> CsvImport.google(file);
            case RAPPORT_JSON -> RapportJsonImport.read(file);
        };
    }
}
