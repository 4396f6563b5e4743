package dev.rapport.interactions.service;

import dev.rapport.directory.domain.ContactProjection;
import dev.rapport.directory.domain.ContactRef;
import dev.rapport.directory.service.ContactProjectionService;
import dev.rapport.interactions.config.CalendarConfig;
import dev.rapport.interactions.domain.CalendarCounts;
import dev.rapport.interactions.domain.CalendarReason;
import dev.rapport.interactions.domain.Initiator;
import dev.rapport.interactions.domain.Interaction;
import dev.rapport.interactions.domain.InteractionDetails;
import dev.rapport.interactions.domain.InteractionKind;
import dev.rapport.interactions.domain.InteractionSource;
import dev.rapport.interactions.domain.Visibility;
import dev.rapport.interactions.mapping.calendar.CalendarContents;
import dev.rapport.interactions.mapping.calendar.CalendarOccurrence;
import dev.rapport.interactions.mapping.calendar.CalendarReader;
import dev.rapport.interactions.mapping.calendar.InvalidCalendarFile;
import dev.rapport.interactions.mapping.calendar.ReadWindow;
import dev.rapport.interactions.mapping.calendar.SkippedEntry;
import dev.rapport.interactions.repository.CalendarContactRepository;
import dev.rapport.interactions.repository.CalendarContactRepository.EmailMatch;
import dev.rapport.interactions.repository.InteractionRepository;
import dev.rapport.interactions.repository.ParticipantRepository;
import dev.rapport.kit.http.Text;
import dev.rapport.kit.tenancy.WorkspaceContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a calendar's occurrences into the current user's meetings, idempotently: each occurrence is the interaction
 * with external id {@code UID#occurrence} (source {@code calendar}); a new one is logged, a changed one updated, a
 * cancelled one deleted, an equal one left alone (no write, no event).
 *
 * <p>What the calendar owns of such an interaction: time, zone, duration, location, who initiated it, participants,
 * summary and notes. What the user may add in Rapport (kind, channel, feedback, sentiment, follow-up, tags,
 * visibility) is kept on update. An occurrence that disappears from a feed (deleted rather than cancelled, or moved
 * out of the window) is left alone: the meeting happened or the user may have annotated it; only a cancellation
 * removes it. Likewise an occurrence whose attendees no longer match any contact is skipped, not removed.
 *
 * <p>The hot path is batched: one query matches every address of the file against the contacts, one query per
 * slice of 1,000 finds the interactions already imported, and each slice of {@value #SLICE} occurrences is one
 * transaction.
 */
@ApplicationScoped
public class CalendarSync {

    static final int SLICE = 500;
    static final int MAX_EXTERNAL_ID = 200;
    static final int MAX_SUMMARY = 500;
    static final int MAX_LOCATION = 500;
    static final int MAX_NOTES = 20000;
    static final int MAX_DURATION_MINUTES = 10080;

    @Inject
    CalendarContactRepository contactsByEmail;

    @Inject
    ContactProjectionService contacts;

    @Inject
    InteractionRepository interactions;

    @Inject
    ParticipantRepository participants;

    @Inject
    InteractionService log;

    @Inject
    CalendarConfig config;


    @Inject
    WorkspaceContext workspaces;

    private final CalendarReader reader = new CalendarReader();

    /** Two writers: more would take connections and cores from the requests being served meanwhile. */
    private static final java.util.concurrent.ExecutorService WRITERS = java.util.concurrent.Executors.newFixedThreadPool(2,
            runnable -> {
                Thread thread = new Thread(runnable, "calendar-writer");
                thread.setDaemon(true);
                return thread;
            });

    private static Tally done(java.util.concurrent.Future<Tally> slice) {
        try {
            return slice.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while a calendar was written", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    /** What applying a calendar did, with the reasons for what it skipped (at most rapport.calendar.max-reasons). */
    public record Result(CalendarCounts counts, List<CalendarReason> reasons, boolean reasonsTruncated) {
    }

    /** Reads a calendar over the configured window, ending now. */
    public CalendarContents read(byte[] ics) throws InvalidCalendarFile {
        return reader.read(ics, ReadWindow.endingAt(Instant.now(), config.window()));
    }

    /** Applies what was read for the current user; outside any transaction (it opens its own, one per slice). */
    public Result apply(CalendarContents contents, Visibility visibility) {
        String user = workspaces.currentUser().orElseThrow(() -> new IllegalStateException("No user for this work"));
        Tally tally = new Tally(config.maxReasons());
        for (SkippedEntry entry : contents.skipped()) {
            tally.skip(new CalendarReason(entry.uid(), null, entry.summary(),
                    entry.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'), entry.detail()));
        }
        Set<String> emails = new LinkedHashSet<>();
        for (CalendarOccurrence o : contents.occurrences()) {
            if (o.organizerEmail() != null) {
                emails.add(o.organizerEmail());
            }
            emails.addAll(o.attendeeEmails());
        }
        Map<String, List<UUID>> byEmail = QuarkusTransaction.requiringNew().call(() -> match(emails, user));
        List<CalendarOccurrence> all = contents.occurrences();
        String workspace = workspaces.require();
        // Slices are independent (one occurrence, one interaction): written on two connections at once, so the
        // database's work on one overlaps the service's on the other.
        List<java.util.concurrent.Future<Tally>> slices = new ArrayList<>();
        for (int from = 0; from < all.size(); from += SLICE) {
            List<CalendarOccurrence> slice = all.subList(from, Math.min(from + SLICE, all.size()));
            slices.add(WRITERS.submit(() -> workspaces.callAs(workspace, user, () -> {
                Tally own = new Tally(config.maxReasons());
                QuarkusTransaction.requiringNew().run(() -> applySlice(slice, byEmail, visibility, user, own));
                return own;
            })));
        }
        for (java.util.concurrent.Future<Tally> slice : slices) {
            tally.add(done(slice));
        }
        return new Result(new CalendarCounts(contents.eventsRead(), all.size(), contents.outsideWindow(),
                tally.created, tally.updated, tally.unchanged, tally.removed, tally.skipped),
                List.copyOf(tally.reasons), tally.truncated);
    }

    /** Each address's contacts as the user may log with them: visible, not erased, merged ones as their survivor. */
    private Map<String, List<UUID>> match(Set<String> emails, String user) {
        Map<String, List<UUID>> byEmail = new HashMap<>();
        for (EmailMatch m : contactsByEmail.byEmails(emails)) {
            if (m.deleted()) {
                continue;
            }
            UUID contact = m.contactId();
            boolean visible;
            if (m.mergedInto() == null) {
                visible = ContactProjection.visible(false, m.visibility(), m.ownerId(), user);
            } else {
                contact = contacts.resolve(contact);
                ContactRef survivor = contacts.byIds(List.of(contact)).get(contact);
                visible = survivor != null && survivor.mergedInto().isEmpty() && survivor.visibleTo(user);
            }
            if (visible) {
                List<UUID> ids = byEmail.computeIfAbsent(m.email(), e -> new ArrayList<>());
                if (!ids.contains(contact)) {
                    ids.add(contact);
                }
            }
        }
        byEmail.values().forEach(ids -> ids.sort(null));
        return byEmail;
    }

    private void applySlice(List<CalendarOccurrence> slice, Map<String, List<UUID>> byEmail, Visibility visibility,
                            String user, Tally tally) {
        Map<String, CalendarOccurrence> byExternalId = new java.util.LinkedHashMap<>();
        slice.forEach(o -> byExternalId.put(externalId(o), o));
        Map<String, Interaction> existing = new HashMap<>();
        interactions.byExternalIds(user, InteractionSource.CALENDAR, byExternalId.keySet())
                .forEach(i -> existing.put(i.externalId(), i));
        Map<UUID, List<UUID>> withNow = participants.current(existing.values().stream().map(Interaction::id).toList());
        Map<String, InteractionDetails> toLog = new java.util.LinkedHashMap<>();
        byExternalId.forEach((externalId, o) -> {
            Interaction found = existing.get(externalId);
            if (o.cancelled()) {
                if (found != null) {
                    log.delete(found.id(), Optional.empty());
                    tally.removed++;
                } else {
                    tally.skip(reason(o, CalendarReason.CANCELLED, "The occurrence is cancelled"));
                }
                return;
            }
            List<UUID> with = new ArrayList<>();
            boolean organizerKnown = addContacts(byEmail.get(o.organizerEmail()), with);
            o.attendeeEmails().forEach(email -> addContacts(byEmail.get(email), with));
            if (with.isEmpty()) {
                tally.skip(reason(o, CalendarReason.NO_KNOWN_ATTENDEE,
                        "Neither the organizer nor any attendee is one of your contacts"));
                return;
            }
            List<UUID> participantIds = with.subList(0, Math.min(with.size(), InteractionDetails.MAX_PARTICIPANTS));
            Initiator initiatedBy = organizerKnown ? Initiator.THEM : Initiator.ME;
            if (found == null) {
                toLog.put(externalId, new InteractionDetails(InteractionKind.MEETING, o.start(), zone(o), duration(o), null,
                        clip(o.location(), MAX_LOCATION), initiatedBy, participantIds, clip(o.summary(), MAX_SUMMARY),
                        clip(o.description(), MAX_NOTES), null, null, null, List.of(), visibility));
                return;
            }
            InteractionDetails now = found.details(withNow.getOrDefault(found.id(), List.of()));
            InteractionDetails next = new InteractionDetails(now.kind(), o.start(), zone(o), duration(o), now.channel(),
                    clip(o.location(), MAX_LOCATION), initiatedBy, participantIds, clip(o.summary(), MAX_SUMMARY),
                    clip(o.description(), MAX_NOTES), now.feedback(), now.sentiment(), now.followUp(), now.tags(),
                    now.visibility());
            if (next.equals(now)) {
                tally.unchanged++;
            } else {
                log.update(found.id(), Optional.empty(), current -> next);
                tally.updated++;
            }
        });
        tally.created += log.logChecked(InteractionSource.CALENDAR, toLog);
    }

    private static boolean addContacts(List<UUID> contacts, List<UUID> with) {
        if (contacts == null) {
            return false;
        }
        contacts.stream().filter(id -> !with.contains(id)).forEach(with::add);
        return true;
    }

    /**
     * {@code UID#occurrence}; a UID too long for the index (some exporters write kilobytes) is replaced by its SHA-256,
     * which is as stable across re-imports.
     */
    static String externalId(CalendarOccurrence o) {
        String id = o.uid() + "#" + o.occurrenceKey();
        if (id.length() <= MAX_EXTERNAL_ID) {
            return id;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(o.uid().getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash) + "#" + o.occurrenceKey();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ZoneId zone(CalendarOccurrence o) {
        return ZoneId.of(o.timeZone());
    }

    /** End minus start in minutes (an all-day event: 1,440 a day), at most a week (the API's limit); null without an end. */
    static Integer duration(CalendarOccurrence o) {
        if (o.end() == null || o.end().isBefore(o.start())) {
            return null;
        }
        return (int) Math.min(Duration.between(o.start(), o.end()).toMinutes(), MAX_DURATION_MINUTES);
    }

    /** At most {@code max} characters, never half a surrogate pair, storable. */
    static String clip(String text, int max) {
        if (text == null) {
            return null;
        }
        String clipped = text;
        if (clipped.length() > max) {
            int end = Character.isHighSurrogate(clipped.charAt(max - 1)) ? max - 1 : max;
            clipped = clipped.substring(0, end);
        }
        return Text.isStorable(clipped) ? clipped : Text.storable(clipped);
    }

    private static CalendarReason reason(CalendarOccurrence o, String reason, String detail) {
        return new CalendarReason(o.uid(), o.occurrenceKey(), clip(o.summary(), MAX_SUMMARY), reason, detail);
    }

    /** Counts across slices; the reasons list stops growing at its cap, the counts do not. */
    private static final class Tally {
        final int maxReasons;
        final List<CalendarReason> reasons = new ArrayList<>();
        boolean truncated;
        int created;
        int updated;
        int unchanged;
        int removed;
        int skipped;

        Tally(int maxReasons) {
            this.maxReasons = maxReasons;
        }

        /** Adds what a slice did, its reasons after those so far. */
        void add(Tally slice) {
            created += slice.created;
            updated += slice.updated;
            unchanged += slice.unchanged;
            removed += slice.removed;
            skipped += slice.skipped;
            for (CalendarReason reason : slice.reasons) {
                if (reasons.size() < maxReasons) {
                    reasons.add(reason);
                } else {
                    truncated = true;
                }
            }
            truncated |= slice.truncated;
        }

        void skip(CalendarReason reason) {
            skipped++;
            if (reasons.size() < maxReasons) {
                reasons.add(reason);
            } else {
                truncated = true;
            }
        }
    }
}
