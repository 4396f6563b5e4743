package dev.rapport.contacts.service;

import dev.rapport.contacts.domain.ImportFormat;
import dev.rapport.contacts.domain.ImportJob;
import dev.rapport.contacts.domain.ImportOutcome;
import dev.rapport.contacts.domain.ImportRow;
import dev.rapport.contacts.repository.ImportJobRepository;
import dev.rapport.contacts.repository.ImportRowRepository;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.WorkspaceContext;
import dev.rapport.kit.tx.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/** Accepting imports (the file is stored with the job, so an accepted import is never lost) and reading their progress. */
@ApplicationScoped
public class ImportJobService {

    @Inject
    ImportJobRepository jobs;

    @Inject
    ImportRowRepository rows;

    @Inject
    WorkspaceContext workspaces;

    @Inject
    ImportWorker worker;

    @Inject
    AfterCommit afterCommit;

    @Transactional
    public ImportJob accept(ImportFormat format, boolean dryRun, byte[] file) {
        ImportJob job = new ImportJob(format, dryRun, file, workspaces.currentUser().orElseThrow());
        jobs.persist(job);
        afterCommit.run(worker::wake);
        return job;
    }

    /** The job and a page of its rows; {@code more} when rows after the last one given match too. */
    public record Progress(ImportJob job, List<ImportRow> rows, boolean more) {
    }

    /**
     * The job and up to {@code limit} row outcomes after row {@code after} (only {@code outcome} ones if given);
     * another user's import is not found (it may hold their private contacts).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Progress progress(UUID id, ImportOutcome outcome, int after, int limit) {
        ImportJob job = jobs.findByIdOptional(id)
                .filter(j -> j.createdBy().equals(workspaces.currentUser().orElse(null)))
                .orElseThrow(() -> Problems.notFound("No import " + id));
        List<ImportRow> page = rows.ofJob(id, outcome, after, limit + 1);
        return new Progress(job, page.subList(0, Math.min(limit, page.size())), page.size() > limit);
    }
}
