package dev.rapport.reminders.service;

import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.WorkspaceContext;
import dev.rapport.reminders.domain.AgendaItem;
import dev.rapport.reminders.domain.CalendarFeed;
import dev.rapport.reminders.domain.ReminderKind;
import dev.rapport.reminders.domain.UserSettings;
import dev.rapport.reminders.mapping.feed.FeedEntry;
import dev.rapport.reminders.mapping.feed.FeedWriter;
import dev.rapport.reminders.repository.AgendaFinder;
import dev.rapport.reminders.repository.CalendarFeedRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A user's calendar feeds: secret URLs any calendar app can subscribe to (they send no bearer token, so the URL is the
 * credential). A token is 256 random bits; only its SHA-256 is kept, so a database read does not reveal a feed URL. The
 * feed shows what the owner's agenda would: their open reminders and the workspace's keep-in-touch about contacts they
 * may see, and those contacts' birthdays, yearly.
 */
@ApplicationScoped
public class CalendarFeeds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final FeedWriter WRITER = new FeedWriter();

    @Inject
    CalendarFeedRepository feeds;

    @Inject
    AgendaFinder finder;

    @Inject
    Settings settings;

    @Inject
    WorkspaceContext workspaces;

    /** A new feed and its token, which is shown this once. */
    public record NewFeed(CalendarFeed feed, String token) {
    }

    /** The feed's text, its strong ETag (a hash of the text) and when what it shows last changed. */
    public record Rendered(byte[] body, String etag, Instant lastModified) {
    }

    @Transactional
    public NewFeed create(String name) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        CalendarFeed feed = new CalendarFeed(user(), name, sha256(token.getBytes(StandardCharsets.US_ASCII)), Instant.now());
        feeds.persist(feed);
        return new NewFeed(feed, token);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CalendarFeed> mine() {
        return feeds.ofOwner(user());
    }

    @Transactional
    public void revoke(UUID id) {
        CalendarFeed feed = feeds.byId(id).filter(f -> f.ownerId().equals(user()))
                .orElseThrow(() -> Problems.notFound("No calendar feed " + id));
        feeds.delete(feed);
    }

    /** The feed a token opens, rendered; empty for an unknown or revoked token (the caller says nothing more). */
    public Optional<Rendered> render(String token) {
        if (token.length() > 100) {
            return Optional.empty();
        }
        Optional<Object[]> found = workspaces.callAcrossWorkspaces(() -> QuarkusTransaction.requiringNew()
                .call(() -> feeds.byTokenHash(sha256(token.getBytes(StandardCharsets.UTF_8)))));
        return found.map(row -> workspaces.callAs((String) row[0], (String) row[1],
                () -> QuarkusTransaction.requiringNew().call(() -> renderFor((String) row[1]))));
    }

    private Rendered renderFor(String owner) {
        UserSettings mine = settings.of(owner);
        List<FeedEntry> entries = new ArrayList<>();
        Instant stamp = finder.lastChange(owner).orElse(Instant.EPOCH);
        for (AgendaItem item : finder.allOpen(owner)) {
            entries.add(reminder(item, mine.timeZone(), stamp));
        }
        LocalDate today = LocalDate.now(mine.timeZone());
        for (AgendaItem birthday : finder.birthdays(owner, today, today.plusYears(1))) {
            entries.add(birthday(birthday, mine.birthdayLeadDays(), stamp));
        }
        byte[] body = WRITER.write("Rapport", entries, stamp);
        return new Rendered(body, Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(body)), stamp);
    }

    private static FeedEntry reminder(AgendaItem item, ZoneId ownerZone, Instant stamp) {
        String who = item.contactName() == null || item.contactName().isBlank() ? null : item.contactName();
        String summary;
        String description = null;
        List<String> categories;
        if (ReminderKind.KEEP_IN_TOUCH.wire().equals(item.kind())) {
            summary = "Keep in touch with " + (who == null ? "a contact" : who);
            description = "Every " + item.every() + (item.lastInteractionOn() == null ? "; no interaction logged yet."
                    : "; last interaction " + item.lastInteractionOn() + ".");
            categories = List.of("Keep in touch");
        } else if (ReminderKind.FOLLOW_UP.wire().equals(item.kind())) {
            summary = who == null ? item.text() : FollowUps.UNSAID.equals(item.text()) ? "Follow up with " + who
                    : "Follow up with " + who + ": " + item.text();
            categories = List.of("Follow-up");
        } else {
            summary = item.text();
            description = who == null ? null : "About " + who + ".";
            categories = List.of("Reminder");
        }
        ZoneId zone = item.timeZone() == null ? ownerZone : ZoneId.of(item.timeZone());
        return new FeedEntry(item.reminderId() + "@reminders.rapport.dev", summary, description, item.due(), item.time(),
                item.time() == null ? null : zone, false, null, categories, stamp);
    }

    private static FeedEntry birthday(AgendaItem birthday, int leadDays, Instant stamp) {
        int month = birthday.due().getMonthValue();
        int day = birthday.due().getDayOfMonth();
        // From the year of birth when known (a 29 February one was born in a leap year), else from 2000 (a leap year).
        int from = birthday.bornIn() != null && birthday.bornIn() > 0 && (month != 2 || day != 29
                || java.time.Year.isLeap(birthday.bornIn())) ? birthday.bornIn() : 2000;
        String name = birthday.contactName() == null || birthday.contactName().isBlank() ? "A contact" : birthday.contactName();
        return new FeedEntry("birthday-" + birthday.contactId() + "@reminders.rapport.dev", name + "'s birthday", null,
                LocalDate.of(from, month, day), null, null, true, leadDays, List.of("Birthday"), stamp);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("No SHA-256 in this JVM", e);
        }
    }

    private String user() {
        return workspaces.currentUser().orElseThrow(() -> new IllegalStateException("No user for this work"));
    }
}
