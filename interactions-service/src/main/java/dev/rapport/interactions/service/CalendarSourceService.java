package dev.rapport.interactions.service;

import dev.rapport.interactions.config.CalendarConfig;
import dev.rapport.interactions.domain.CalendarSource;
import dev.rapport.interactions.domain.Visibility;
import dev.rapport.interactions.mapping.calendar.CalendarContents;
import dev.rapport.interactions.mapping.calendar.InvalidCalendarFile;
import dev.rapport.interactions.repository.CalendarSourceRepository;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.ids.Uuids;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.WorkspaceContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * ICS subscriptions: registered by a user, polled into that user's interaction log. The URL is a secret (whoever has
 * it reads the calendar): it is checked (scheme, SSRF policy) when registered, stored encrypted, and only its scheme
 * and host are ever shown or logged.
 */
@ApplicationScoped
public class CalendarSourceService {

    private static final Logger LOG = Logger.getLogger(CalendarSourceService.class);
    /** Longer than a fetch (rapport.calendar.fetch.timeout) and applying it; a replica that died frees it after. */
    static final Duration LEASE = Duration.ofMinutes(5);

    @Inject
    CalendarSourceRepository sources;

    @Inject
    CalendarFetcher fetcher;

    @Inject
    CalendarSync sync;

    @Inject
    CalendarUrlCipher cipher;

    @Inject
    CalendarConfig config;

    @Inject
    WorkspaceContext workspaces;

    @Transactional
    public CalendarSource register(String url, String name, Visibility visibility) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw Problems.invalid(FieldError.body("url", "is not a URL"));
        }
        try {
            fetcher.check(uri);
        } catch (CalendarFetchException e) {
            throw Problems.invalid(FieldError.body("url", switch (e.kind()) {
                case REFUSED_ADDRESS -> "points to a private, loopback or link-local address, which this service does not fetch";
                case UNREACHABLE -> "names a host that cannot be resolved";
                default -> e.getMessage();
            }));
        }
        String hint = CalendarFetcher.redacted(uri);
        String shown = name == null || name.isBlank() ? "Calendar at " + uri.getHost().toLowerCase(Locale.ROOT) : name.strip();
        UUID id = Uuids.v7();
        CalendarSource source = new CalendarSource(id, user(), shown, cipher.encrypt(uri.toString(), id.toString()),
                hint, visibility, Instant.now());
        sources.persist(source);
        return source;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CalendarSource> mine() {
        return sources.ownedBy(user());
    }

    /** The current user's source: another user's, or another workspace's, is not found. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public CalendarSource find(UUID id) {
        String user = user();
        return sources.byId(id).filter(s -> s.ownerId().equals(user))
                .orElseThrow(() -> Problems.notFound("No calendar subscription " + id));
    }

    /** Stops polling; the interactions it brought in stay. */
    @Transactional
    public void delete(UUID id) {
        sources.delete(find(id));
    }

    /**
     * Polls the user's source now and returns it as the poll left it. When another poll of it is running (the
     * scheduler's, another replica's) this waits for it to end and then polls again, so what the feed holds at the
     * time of the request is applied; 409 only if that poll does not end within a fetch's time.
     */
    public CalendarSource pollNow(UUID id) {
        long deadline = System.nanoTime() + config.fetch().timeout().plusSeconds(30).toNanos();
        while (!QuarkusTransaction.requiringNew().call(() -> {
            find(id);
            return sources.claim(id, LEASE);
        })) {
            if (System.nanoTime() > deadline) {
                throw Problems.conflict("This calendar is being polled right now; try again in a moment");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Problems.conflict("This calendar is being polled right now; try again in a moment");
            }
        }
        poll(id);
        return QuarkusTransaction.requiringNew().call(() -> find(id));
    }

    /**
     * Polls a source the caller has leased, in its owner's workspace and name: a conditional GET, unless the
     * workspace's contacts changed since the last match (then the feed is read again so new contacts are matched).
     * The fetch runs outside any transaction.
     */
    public void poll(UUID id) {
        record Snapshot(URI url, String etag, String lastModified, String contactsSeen, String fingerprint,
                        Visibility visibility) {
        }
        Snapshot s = QuarkusTransaction.requiringNew().call(() -> {
            CalendarSource source = sources.byId(id).orElse(null);
            if (source == null) {
                return null;
            }
            return new Snapshot(URI.create(cipher.decrypt(source.urlSecret(), id.toString())), source.etag(),
                    source.lastModified(), source.contactsSeen(), sources.contactsFingerprint(), source.visibility());
        });
        if (s == null) {
            return;
        }
        Instant next = Instant.now().plus(config.pollInterval());
        boolean conditional = s.fingerprint().equals(s.contactsSeen());
        try {
            CalendarFetcher.Result fetched = fetcher.fetch(s.url(), conditional ? s.etag() : null,
                    conditional ? s.lastModified() : null);
            if (fetched instanceof CalendarFetcher.Fetched body) {
                CalendarContents contents = sync.read(body.body());
                Instant matchedAt = Instant.now();
                CalendarSync.Result result = sync.apply(contents, s.visibility());
                record(id, source -> source.polled(body.etag(), body.lastModified(), result.counts(), matchedAt,
                        s.fingerprint(), next));
            } else {
                record(id, source -> source.notModified(next));
            }
        } catch (CalendarFetchException e) {
            record(id, source -> source.failed(e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    e.getMessage(), next));
        } catch (InvalidCalendarFile e) {
            record(id, source -> source.failed("invalid-calendar", e.getMessage(), next));
        } catch (RuntimeException e) {
            LOG.warnf("Polling calendar subscription %s failed: %s", id, e.getClass().getName());
            record(id, source -> source.failed("error", "The poll failed unexpectedly; it is tried again later", next));
        }
    }

    private void record(UUID id, java.util.function.Consumer<CalendarSource> change) {
        try {
            QuarkusTransaction.requiringNew().run(() -> sources.byId(id).ifPresent(change));
        } catch (OptimisticLockException | StaleStateException e) {
            // Deleted or renamed while it was polled: the next poll (if any) records its own outcome.
        } catch (RuntimeException e) {
            if (!(e.getCause() instanceof OptimisticLockException || e.getCause() instanceof StaleStateException)) {
                throw e;
            }
        }
    }

    private String user() {
        return workspaces.currentUser().orElseThrow(() -> new IllegalStateException("No user for this work"));
    }
}
