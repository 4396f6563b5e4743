package dev.rapport.interactions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What this service knows of a contact: only what contact events told it. */
@Entity
@Table(name = "contact_projection")
public class ContactProjection {

    @Id
    @Column(name = "contact_id")
    private UUID contactId;

    /** The event's workspace, set by Hibernate; every query is filtered by it. */
    @TenantId
    @Column(name = "workspace_id", nullable = false, updatable = false)
    private String workspaceId;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> emails = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ContactProjection() {
    }

    public ContactProjection(UUID contactId) {
        this.contactId = contactId;
    }

    public void update(String displayName, List<String> emails, Instant at) {
        this.displayName = displayName;
        this.emails = new ArrayList<>(emails == null ? List.of() : emails);
        this.updatedAt = at;
    }

    public UUID contactId() {
        return contactId;
    }

    public String displayName() {
        return displayName;
    }

    public List<String> emails() {
        return List.copyOf(emails);
    }
}
