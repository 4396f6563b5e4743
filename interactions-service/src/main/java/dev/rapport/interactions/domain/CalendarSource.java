package dev.rapport.interactions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.UUID;

/**
 * An ICS subscription URL a user registered: polled on an interval into their interaction log. The URL carries the
 * calendar's secret token, so it is kept only encrypted ({@code urlSecret}); {@code urlHint} (scheme and host) is what
 * is shown and logged.
 */
@Entity
@Table(name = "calendar_source")
public class CalendarSource {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "workspace_id", nullable = false, updatable = false)
    private String workspaceId;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private String ownerId;

    @Column(nullable = false)
    private String name;

    @Column(name = "url_secret", nullable = false, updatable = false)
    private String urlSecret;

    @Column(name = "url_hint", nullable = false, updatable = false)
    private String urlHint;

    @Column(nullable = false)
    private String visibility;

    private String etag;
    @Column(name = "last_modified")
    private String lastModified;
    @Column(name = "last_polled_at")
    private Instant lastPolledAt;
    /** When the last poll matched attendees against the contacts (a 304 does not): contacts changed after it re-match. */
    @Column(name = "last_matched_at")
    private Instant lastMatchedAt;
    @Column(name = "contacts_seen")
    private String contactsSeen;
    @Column(name = "next_poll_at", nullable = false)
    private Instant nextPollAt;
    @Column(name = "last_status")
    private String lastStatus;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Embedded
    private CalendarCounts counts = CalendarCounts.NONE;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected CalendarSource() {
    }

    /** @param id chosen by the caller first: the encrypted URL is bound to it */
    public CalendarSource(UUID id, String ownerId, String name, String urlSecret, String urlHint, Visibility visibility,
                          Instant now) {
        this.id = id;
        this.ownerId = ownerId;
        this.name = name;
        this.urlSecret = urlSecret;
        this.urlHint = urlHint;
        this.visibility = visibility.wire();
        this.createdAt = now;
        this.nextPollAt = now;
    }

    /** The feed was read and applied (matched against the contacts as of {@code matchedAt}). */
    public void polled(String etag, String lastModified, CalendarCounts counts, Instant matchedAt, String contactsSeen,
                       Instant next) {
        this.contactsSeen = contactsSeen;
        this.etag = etag;
        this.lastModified = lastModified;
        this.counts = counts;
        this.lastMatchedAt = matchedAt;
        ended("ok", null, next);
    }

    /** The server answered 304: nothing to apply. */
    public void notModified(Instant next) {
        ended("not-modified", null, next);
    }

    /** @param error safe to show: never the URL's path or query */
    public void failed(String status, String error, Instant next) {
        ended(status, error, next);
    }

    private void ended(String status, String error, Instant next) {
        lastStatus = status;
        lastError = error;
        lastPolledAt = Instant.now();
        nextPollAt = next;
        leaseUntil = null;
    }

    public UUID id() {
        return id;
    }

    public String ownerId() {
        return ownerId;
    }

    public String name() {
        return name;
    }

    public String urlSecret() {
        return urlSecret;
    }

    public String urlHint() {
        return urlHint;
    }

    public Visibility visibility() {
        return Visibility.fromWire(visibility);
    }

    public String etag() {
        return etag;
    }

    public String lastModified() {
        return lastModified;
    }

    public Instant lastPolledAt() {
        return lastPolledAt;
    }

    public Instant lastMatchedAt() {
        return lastMatchedAt;
    }

    public String contactsSeen() {
        return contactsSeen;
    }

    public Instant nextPollAt() {
        return nextPollAt;
    }

    public String lastStatus() {
        return lastStatus;
    }

    public String lastError() {
        return lastError;
    }

    public CalendarCounts lastCounts() {
        return counts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public long version() {
        return version;
    }
}
