package dev.rapport.reminders.domain;

import dev.rapport.kit.ids.Uuids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.TenantId;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * How often to keep in touch with one contact, or with everyone carrying a tag. A contact's own cadence wins over its
 * tags'; among tags the strictest wins. A contact's cadence follows it through merges: {@code contactId} is who the
 * contact is now, {@code setForContactId} who it was set for (an undone merge gives it back).
 */
@Entity
@Table(name = "cadence")
public class Cadence {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "workspace_id", nullable = false, updatable = false)
    private String workspaceId;

    @Column(name = "set_for_contact_id", updatable = false)
    private UUID setForContactId;
    @Column(name = "contact_id")
    private UUID contactId;
    @Column(updatable = false)
    private String tag;
    @Column(name = "tag_key", updatable = false)
    private String tagKey;
    @Column(nullable = false)
    private String every;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;

    protected Cadence() {
    }

    public static Cadence forContact(UUID contactId, Every every, String by, Instant at) {
        Cadence cadence = create(every, by, at);
        cadence.setForContactId = contactId;
        cadence.contactId = contactId;
        return cadence;
    }

    public static Cadence forTag(String tag, Every every, String by, Instant at) {
        Cadence cadence = create(every, by, at);
        cadence.tag = tag;
        cadence.tagKey = tagKey(tag);
        return cadence;
    }

    private static Cadence create(Every every, String by, Instant at) {
        Cadence cadence = new Cadence();
        cadence.id = Uuids.v7();
        cadence.every = every.iso();
        cadence.createdBy = by;
        cadence.createdAt = at;
        cadence.updatedAt = at;
        return cadence;
    }

    /** Tags match whatever their case ("Mentor" is "mentor"), as PostgreSQL's lower() folds them. */
    public static String tagKey(String tag) {
        return tag.strip().toLowerCase(Locale.ROOT);
    }

    public void change(Every every, Instant at) {
        this.every = every.iso();
        this.updatedAt = at;
    }

    public UUID id() {
        return id;
    }

    public Optional<UUID> contactId() {
        return Optional.ofNullable(contactId);
    }

    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    public Every every() {
        return Every.parse(every).orElseThrow(() -> new IllegalStateException("Stored cadence " + id + " is " + every));
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
