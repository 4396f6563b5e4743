package dev.rapport.reminders.domain;

import dev.rapport.kit.ids.Uuids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A URL that receives the workspace's events its creator may see, of the types it asked for. */
@Entity
@Table(name = "webhook")
public class Webhook {

    public static final String ACTIVE = "active";
    public static final String DISABLED = "disabled";

    @Id
    private UUID id;

    @TenantId
    @Column(name = "workspace_id", nullable = false, updatable = false)
    private String workspaceId;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @Column(nullable = false, updatable = false)
    private String url;
    private String description;
    @Column(name = "event_types", nullable = false, updatable = false, columnDefinition = "text[]")
    private String[] eventTypes;
    @Column(nullable = false)
    private String secret;
    @Column(name = "previous_secret")
    private String previousSecret;
    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;
    @Column(nullable = false)
    private String status;
    @Column(name = "disabled_reason")
    private String disabledReason;
    @Column(name = "failing_since")
    private Instant failingSince;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Webhook() {
    }

    public Webhook(String createdBy, String url, String description, List<String> eventTypes, String secret, Instant at) {
        this.id = Uuids.v7();
        this.createdBy = createdBy;
        this.url = url;
        this.description = description;
        this.eventTypes = eventTypes.toArray(String[]::new);
        this.secret = secret;
        this.status = ACTIVE;
        this.createdAt = at;
        this.updatedAt = at;
    }

    /** The new secret signs from now on; the old one too, until {@code overlapUntil}, while receivers switch. */
    public void rotateSecret(String newSecret, Instant at, Instant overlapUntil) {
        previousSecret = secret;
        previousSecretUntil = overlapUntil;
        secret = newSecret;
        updatedAt = at;
    }

    public void enable(Instant at) {
        status = ACTIVE;
        disabledReason = null;
        failingSince = null;
        updatedAt = at;
    }

    public boolean visibleTo(String user, boolean admin) {
        return admin || createdBy.equals(user);
    }

    public UUID id() {
        return id;
    }

    public String createdBy() {
        return createdBy;
    }

    public String url() {
        return url;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public List<String> eventTypes() {
        return List.of(eventTypes);
    }

    public String secret() {
        return secret;
    }

    public boolean active() {
        return ACTIVE.equals(status);
    }

    public String status() {
        return status;
    }

    public Optional<String> disabledReason() {
        return Optional.ofNullable(disabledReason);
    }

    public Optional<Instant> failingSince() {
        return Optional.ofNullable(failingSince);
    }

    public Optional<Instant> previousSecretUntil() {
        return Optional.ofNullable(previousSecretUntil);
    }

    public Instant createdAt() {
        return createdAt;
    }
}
