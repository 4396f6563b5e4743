package dev.rapport.contacts.service;

import dev.rapport.contacts.domain.Contact;
import dev.rapport.contacts.domain.ContactDetails;
import dev.rapport.contacts.domain.ContactMerge;
import dev.rapport.contacts.domain.EmailAddress;
import dev.rapport.contacts.domain.ImportFormat;
import dev.rapport.contacts.domain.ImportJob;
import dev.rapport.contacts.domain.ImportOutcome;
import dev.rapport.contacts.domain.ImportRow;
import dev.rapport.contacts.domain.PhoneNumber;
import dev.rapport.contacts.domain.SocialProfile;
import dev.rapport.contacts.mapping.ContactInputParser;
import dev.rapport.contacts.mapping.imports.ImportCandidate;
import dev.rapport.contacts.repository.ContactRepository;
import dev.rapport.contacts.repository.ContactSourceRepository;
import dev.rapport.contacts.repository.ImportJobRepository;
import dev.rapport.contacts.repository.ImportRowRepository;
import dev.rapport.kit.tenancy.WorkspaceContext;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies imported rows: the contact a row came from before (same source id), else one that shares an
 * email, phone or social profile, is filled in; otherwise a contact is created. Rows are applied in batches,
 * each recorded with its outcome in the batch's transaction, so a failing row leaves nothing half-written and
 * never stops the others. A dry run does the same work and rolls it back, keeping only the outcomes.
 */
@ApplicationScoped
public class ContactImporter {

    record Applied(ImportOutcome outcome, UUID contactId, String reason) {
    }

    @Inject
    ContactService contacts;

    @Inject
    ContactRepository contactRepository;

    @Inject
    ContactSourceRepository sources;

    @Inject
    ContactInputParser parser;

    @Inject
    WorkspaceSettingsService settings;

    @Inject
    ImportJobRepository jobs;

    @Inject
    ImportRowRepository rows;

    @Inject
    WorkspaceContext workspaces;

    @Inject
    EntityManager em;

    /**
     * Applies a batch of rows in one transaction (a dry run rolls it back and keeps only the outcomes). A row
     * that cannot be read or is invalid fails alone, before anything of it is written; if writing a row fails,
     * the whole batch is rolled back and applied again row by row, so only that row fails.
     */
    public void apply(UUID jobId, ImportFormat format, boolean dryRun, List<ImportCandidate> batch) {
        List<ImportRow> outcomes;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Optional<String> region = settings.phoneRegion();
                List<ImportRow> applied = new ArrayList<>();
                for (ImportCandidate candidate : batch) {
                    applied.add(attempt(jobId, format, candidate, region));
                    // Every query flushes first, checking each entity in the session: keep the session to one row.
                    em.flush();
                    em.clear();
                }
                if (dryRun) {
                    throw new Rehearsed(applied);
                }
                record(jobId, applied);
            });
            return;
        } catch (Rehearsed rehearsed) {
            outcomes = rehearsed.outcomes;
        } catch (RuntimeException e) {
            if (batch.size() > 1) {
                batch.forEach(candidate -> apply(jobId, format, dryRun, List.of(candidate)));
                return;
            }
            String reason = e instanceof HttpProblem problem ? reason(problem) : "Could not be applied: " + e.getMessage();
            outcomes = List.of(new ImportRow(jobId, batch.get(0).rowNumber(), ImportOutcome.FAILED, null, reason));
        }
        List<ImportRow> kept = outcomes;
        QuarkusTransaction.requiringNew().run(() -> record(jobId, kept));
    }

    /** Ends a dry run's transaction by rolling it back, carrying out what would have happened. */
    private static final class Rehearsed extends RuntimeException {
        private final transient List<ImportRow> outcomes;

        Rehearsed(List<ImportRow> outcomes) {
            super(null, null, false, false);
            this.outcomes = outcomes;
        }
    }

    private ImportRow attempt(UUID jobId, ImportFormat format, ImportCandidate candidate, Optional<String> region) {
        if (candidate.unreadable() != null) {
            return new ImportRow(jobId, candidate.rowNumber(), ImportOutcome.FAILED, null, candidate.unreadable());
        }
        ContactDetails details;
        try {
            details = parser.parse(candidate.input(), region);
        } catch (HttpProblem problem) {
            return new ImportRow(jobId, candidate.rowNumber(), ImportOutcome.FAILED, null, reason(problem));
        }
        Applied applied = upsert(format, candidate, details);
        return new ImportRow(jobId, candidate.rowNumber(), applied.outcome(), applied.contactId(), applied.reason());
    }

    private Applied upsert(ImportFormat format, ImportCandidate candidate, ContactDetails details) {
        String user = workspaces.currentUser().orElseThrow();
        Optional<Contact> existing = Optional.ofNullable(candidate.sourceId())
                .flatMap(id -> sources.contactOf(format, id))
                .flatMap(id -> contactRepository.findVisible(id, user))
                .or(() -> contactRepository.findMatch(
                        details.emails().stream().map(EmailAddress::address).toList(),
                        details.phones().stream().map(PhoneNumber::number).toList(),
                        details.socialProfiles().stream().map(SocialProfile::url).toList(),
                        workspaces.require(), user).flatMap(id -> contactRepository.findVisible(id, user)));
        Applied applied;
        if (existing.isEmpty()) {
            Contact created = contacts.create(details);
            applied = new Applied(ImportOutcome.CREATED, created.id(), null);
        } else {
            Contact contact = existing.get();
            long before = contact.version();
            Contact after = contacts.update(contact.id(), Optional.empty(), have -> ContactMerge.fill(have, details), null);
            applied = after.version() == before
                    ? new Applied(ImportOutcome.SKIPPED, after.id(), "Unchanged: the contact already has all of it")
                    : new Applied(ImportOutcome.UPDATED, after.id(), null);
        }
        if (candidate.sourceId() != null) {
            sources.remember(format, candidate.sourceId(), applied.contactId());
        }
        return applied;
    }

    private void record(UUID jobId, List<ImportRow> outcomes) {
        ImportJob job = jobs.findById(jobId);
        for (ImportRow row : outcomes) {
            rows.persist(row);
            job.count(row.outcome());
        }
    }

    private static String reason(HttpProblem problem) {
        Object violations = problem.getParameters().get("violations");
        if (violations instanceof List<?> list && !list.isEmpty()) {
            return "Invalid: " + String.join("; ", list.stream().map(v -> v instanceof dev.rapport.kit.problem.FieldError f
                    ? f.field() + " " + f.message() : String.valueOf(v)).toList());
        }
        return problem.getDetail();
    }
}
