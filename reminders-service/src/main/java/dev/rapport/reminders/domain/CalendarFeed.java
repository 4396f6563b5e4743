package dev.rapport.reminders.domain;

import dev.rapport.kit.ids.Uuids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A user's secret calendar URL. Only a hash of its token is kept: the URL is shown once, when it is made. Revoked, it is deleted. */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "workspace_id", nullable = false, updatable = false)
    private String workspaceId;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private String ownerId;
    private String name;
    @Column(name = "token_hash", nullable = false, updatable = false)
    private byte[] tokenHash;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected CalendarFeed() {
    }

    public CalendarFeed(String ownerId, String name, byte[] tokenHash, Instant at) {
        this.id = Uuids.v7();
        this.ownerId = ownerId;
        this.name = name;
        this.tokenHash = tokenHash.clone();
        this.createdAt = at;
    }

    public UUID id() {
        return id;
    }

    public String ownerId() {
        return ownerId;
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
