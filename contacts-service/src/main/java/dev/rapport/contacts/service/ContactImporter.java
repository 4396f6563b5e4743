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

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Applies one imported row: the contact it came from before (same source id), else one that shares an
 * email, phone or social profile, is filled in; otherwise a contact is created. Each row is its own
 * transaction, recorded with its outcome, so a failing row leaves nothing half-written and never stops the
 * others. A dry run does the same work and rolls it back, keeping only the outcome.
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

    public void apply(UUID jobId, ImportFormat format, boolean dryRun, ImportCandidate candidate) {
        Applied applied;
        if (candidate.unreadable() != null) {
            applied = new Applied(ImportOutcome.FAILED, null, candidate.unreadable());
        } else if (dryRun) {
            applied = rehearse(format, candidate);
        } else {
            try {
                QuarkusTransaction.requiringNew().run(() -> record(jobId, candidate.rowNumber(), upsert(format, candidate)));
                return;
            } catch (HttpProblem problem) {
                applied = new Applied(ImportOutcome.FAILED, null, reason(problem));
            } catch (RuntimeException e) {
                applied = new Applied(ImportOutcome.FAILED, null, "Could not be applied: " + e.getMessage());
            }
        }
        Applied outcome = applied;
        QuarkusTransaction.requiringNew().run(() -> record(jobId, candidate.rowNumber(), outcome));
    }

    /** The row's work done for real, then rolled back: the outcome is exact and nothing stays. */
    private Applied rehearse(ImportFormat format, ImportCandidate candidate) {
        AtomicReference<Applied> outcome = new AtomicReference<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outcome.set(upsert(format, candidate));
                QuarkusTransaction.setRollbackOnly();
            });
        } catch (HttpProblem problem) {
            return new Applied(ImportOutcome.FAILED, null, reason(problem));
        } catch (RuntimeException e) {
            if (outcome.get() == null) {
                return new Applied(ImportOutcome.FAILED, null, "Could not be applied: " + e.getMessage());
            }
        }
        return outcome.get();
    }

    private Applied upsert(ImportFormat format, ImportCandidate candidate) {
        ContactDetails details = parser.parse(candidate.input(), settings.phoneRegion());
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

    private void record(UUID jobId, int rowNumber, Applied applied) {
        rows.persist(new ImportRow(jobId, rowNumber, applied.outcome(), applied.contactId(), applied.reason()));
        ImportJob job = jobs.findById(jobId);
        job.count(applied.outcome());
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
