package dev.rapport.contacts.domain;

import dev.rapport.kit.ids.Uuids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

@Entity
@Table(name = "contact")
public class Contact {

    @Id
    private UUID id;

    /** Set by Hibernate from the current workspace; every query is filtered by it. */
    @TenantId
    @Column(name = "workspace_id", nullable = false, updatable = false)
    private String workspaceId;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    /** Stored lower-cased: emails are matched case-insensitively. */
    private String email;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Contact() {
    }

    public static Contact create(String displayName, String email, String createdBy) {
        Contact contact = new Contact();
        contact.createdBy = createdBy;
        contact.id = Uuids.v7();
        contact.displayName = displayName.strip();
        contact.email = email == null ? null : email.strip().toLowerCase(Locale.ROOT);
        contact.createdAt = Instant.now();
        contact.updatedAt = contact.createdAt;
        return contact;
    }

    public UUID id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public String email() {
        return email;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public long version() {
        return version;
    }
}
