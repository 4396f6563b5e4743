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
import dev.rapport.contacts.mapping.ContactDraftParser;
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

import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies imported rows: the contact a row came from before (same source id), else one that shares an
 * email, phone or social profile, is filled in; otherwise a contact is created. Rows are applied in batches,
 * each recorded with its outcome in the batch's transaction, so a failing row leaves nothing half-written and
 * never stops the others. A dry run does the same work and rolls it back, keeping only the outcomes.
 */
@ApplicationScoped
public class ImportBatchApplier {

    /** Rows whose entities stay in the session between flushes. */
    private static final int SESSION_ROWS = 50;

    @Inject
    ContactService contacts;

    @Inject
    ContactRepository contactRepository;

    @Inject
    ContactSourceRepository sources;

    @Inject
    ContactDraftParser parser;

    @Inject
    MergeService mergeService;


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
                List<Parsed> parsed = batch.stream().map(candidate -> parse(jobId, candidate, region)).toList();
                ImportMatches matches = matches(format, parsed);
                List<ImportRow> applied = new ArrayList<>();
                Map<String, UUID> imported = new LinkedHashMap<>();
                for (Parsed row : parsed) {
                    applied.add(row.failed() != null ? row.failed()
                            : upsert(jobId, row.candidate(), row.details(), row.warnings(), matches, imported));
                    // Every query flushes first, checking each entity in the session: keep the session small.
                    if (applied.size() % SESSION_ROWS == 0) {
                        em.flush();
                        em.clear();
                    }
                }
                em.flush();
                sources.rememberAll(format, imported);
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
            String reason = e instanceof HttpProblem problem ? reason(problem) : "Could not be written: " + databaseReason(e);
            outcomes = List.of(new ImportRow(jobId, batch.get(0).rowNumber(), ImportOutcome.FAILED, null, reason,
                    batch.get(0).warnings()));
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

    /** A row read and validated with what of it could not be placed, or the reason it failed. */
    private record Parsed(ImportCandidate candidate, ContactDetails details, List<String> warnings, ImportRow failed) {
    }

    private Parsed parse(UUID jobId, ImportCandidate candidate, Optional<String> region) {
        if (candidate.unreadable() != null) {
            return failed(jobId, candidate, candidate.unreadable());
        }
        try {
            ContactDraftParser.Imported read = parser.parseImported(candidate.draft(), candidate.regionHints(), region);
            List<String> warnings = Stream.concat(candidate.warnings().stream(), read.warnings().stream()).toList();
            return new Parsed(candidate, read.details(), warnings, null);
        } catch (HttpProblem problem) {
            return failed(jobId, candidate, reason(problem));
        }
    }

    private static Parsed failed(UUID jobId, ImportCandidate candidate, String reason) {
        return new Parsed(candidate, null, candidate.warnings(),
                new ImportRow(jobId, candidate.rowNumber(), ImportOutcome.FAILED, null, reason, candidate.warnings()));
    }

    /** The batch's earlier imports and matching contacts, in two queries (plus one per 500 contact points). */
    private ImportMatches matches(ImportFormat format, List<Parsed> parsed) {
        List<ContactDetails> details = parsed.stream().map(Parsed::details).filter(Objects::nonNull).toList();
        Set<String> sourceIds = parsed.stream().filter(p -> p.details() != null).map(p -> p.candidate().sourceId())
                .filter(Objects::nonNull).collect(Collectors.toSet());
        List<ContactRepository.PointHolder> holders = contactRepository.holding(
                distinct(details.stream().flatMap(d -> d.emails().stream().map(EmailAddress::address))),
                distinct(details.stream().flatMap(d -> d.phones().stream().map(PhoneNumber::number))),
                distinct(details.stream().flatMap(d -> d.socialProfiles().stream().map(SocialProfile::url))),
                workspaces.currentUser().orElseThrow());
        return new ImportMatches(sources.contactsOf(format, sourceIds), holders);
    }

    /** The values once each; a phone kept as written (no E.164) or a profile without a URL matches nothing. */
    private static List<String> distinct(Stream<String> values) {
        return values.filter(Objects::nonNull).distinct().toList();
    }

    /**
     * When the row also holds an email or profile of other contacts, they are pieces of this one person, imported
     * from address books that each knew part of them (a LinkedIn row with only a profile, an Outlook card with only
     * an email): they are merged into the contact the row updates, as a merge that can be undone.
     */
    private Contact joinPieces(Contact contact, ContactDetails details, ImportMatches matches, Map<String, UUID> imported,
                               String user, List<String> warnings) {
        UUID contactId = contact.id();
        List<UUID> pieces = matches.othersHoldingPersonalKeys(contactId, details).stream()
                .filter(id -> contactRepository.findVisible(id, user).isPresent()).toList();
        if (pieces.isEmpty()) {
            return contact;
        }
        // Visible, other than this one and not merged away (both lists come from this batch's lookups): a merge
        // the service still refused would roll the batch back and fail this row alone, with the reason.
        MergeService.Merged merged = mergeService.merge(contactId, new MergeService.MergePlan(pieces, Map.of()), false);
        matches.merged(contactId, pieces);
        imported.replaceAll((source, id) -> pieces.contains(id) ? contactId : id);
        warnings.add("contacts " + pieces.stream().map(UUID::toString).collect(Collectors.joining(", "))
                + " merged into this one: they share an email or profile with this row (undo with POST /v1/merges/"
                + merged.mergeId().map(UUID::toString).orElse("") + "/undo)");
        return merged.survivor();
    }

    private ImportRow upsert(UUID jobId, ImportCandidate candidate, ContactDetails details, List<String> warnings,
                             ImportMatches matches, Map<String, UUID> imported) {
        String user = workspaces.currentUser().orElseThrow();
        Optional<Contact> existing = matches.bySource(candidate.sourceId())
                .flatMap(id -> contactRepository.findVisible(id, user))
                .or(() -> matches.byKeys(details).flatMap(id -> contactRepository.findVisible(id, user)));
        Contact applied;
        ImportOutcome outcome;
        List<String> rowWarnings = new ArrayList<>(warnings);
        if (existing.isEmpty()) {
            applied = contacts.create(details);
            outcome = ImportOutcome.CREATED;
        } else {
            long before = existing.get().version();
            applied = contacts.update(existing.get().id(), Optional.empty(), have -> {
                // Nothing the contact has is overwritten: what the row says otherwise is reported, not lost.
                rowWarnings.addAll(ContactMerge.notFilled(have, details));
                return ContactMerge.fill(have, details);
            }, null);
            // After the row's own values, so undoing the merge keeps them and only separates the pieces again.
            applied = joinPieces(applied, details, matches, imported, user, rowWarnings);
            outcome = applied.version() == before ? ImportOutcome.SKIPPED : ImportOutcome.UPDATED;
        }
        if (candidate.sourceId() != null) {
            imported.put(candidate.sourceId(), applied.id());
        }
        matches.applied(candidate.sourceId(), applied.id(), applied.createdAt(), applied.details());
        return new ImportRow(jobId, candidate.rowNumber(), outcome, applied.id(),
                outcome == ImportOutcome.SKIPPED ? "Unchanged: the contact already has all of it" : null, rowWarnings);
    }

    private void record(UUID jobId, List<ImportRow> outcomes) {
        ImportJob job = jobs.findById(jobId);
        for (ImportRow row : outcomes) {
            rows.persist(row);
            job.count(row.outcome());
        }
    }

    /**
     * Why PostgreSQL refused the row, in the user's terms: never the driver's message, which names columns and
     * constraints and repeats the row's values (a NUL among them, which the reason could not be stored with either).
     */
    private static String databaseReason(RuntimeException e) {
        SQLException sql = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException found) {
                sql = found;
            }
        }
        if (sql instanceof BatchUpdateException batch && batch.getNextException() != null) {
            sql = batch.getNextException();
        }
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        return switch (state.length() < 2 ? "" : state.substring(0, 2)) {
            case "22" -> state.equals("22001") ? "a value is longer than can be stored"
                    : state.equals("22021") ? "a value holds a character that cannot be stored (such as NUL)"
                    : "a value is out of the range that can be stored";
            case "23" -> "it conflicts with a contact already stored";
            default -> "the database refused it" + (state.isEmpty() ? "" : " (SQL state " + state + ")");
        };
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
