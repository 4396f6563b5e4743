package dev.rapport.directory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What this service knows of a contact: only what contact events told it. An erased contact stays as a
 * tombstone without personal data, so a late or replayed event cannot bring it back; only a restore does. A row
 * belongs to one workspace (the key is the workspace and the contact id): the same contact id restored into another
 * workspace is another row there.
 */
@Entity
@Table(name = "contact_projection")
@IdClass(ContactProjection.Key.class)
public class ContactProjection {

    @Id
    @Column(name = "contact_id")
    private UUID contactId;

    /**
     * The event's workspace, set by Hibernate; every query is filtered by it. Part of the identity too: Hibernate
     * (7.2) updates a row by its identity alone, without the tenant, so a key of the contact id only would make a
     * change in one workspace also reach (or, as its row count is checked, fail on) the same contact's row in another.
     */
    @Id
    @TenantId
    @Column(name = "workspace_id", nullable = false, updatable = false)
    private String workspaceId;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> emails = new ArrayList<>();

    @Column(name = "birthday_month")
    private Short birthdayMonth;
    @Column(name = "birthday_day")
    private Short birthdayDay;
    @Column(name = "birthday_year")
    private Short birthdayYear;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> tags = new ArrayList<>();

    private String relationship;

    @Column(name = "owner_id")
    private String ownerId;

    @Column(nullable = false)
    private String visibility = "workspace";

    @Column(nullable = false)
    private long version = -1;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** The contact this one was merged into, until the merge is undone. */
    @Column(name = "merged_into")
    private UUID mergedInto;

    protected ContactProjection() {
    }

    public ContactProjection(UUID contactId) {
        this.contactId = contactId;
    }

    /** Whether an event at {@code version} is newer than what this projection holds. */
    public boolean isOlderThan(long version) {
        return deletedAt == null && version > this.version;
    }

    public void apply(ContactState state, Instant at) {
        displayName = state.displayName();
        emails = new ArrayList<>(state.emails());
        birthdayMonth = state.birthdayMonth() == null ? null : state.birthdayMonth().shortValue();
        birthdayDay = state.birthdayDay() == null ? null : state.birthdayDay().shortValue();
        birthdayYear = state.birthdayYear() == null ? null : state.birthdayYear().shortValue();
        ownerId = state.ownerId();
        visibility = state.visibility();
        tags = new ArrayList<>(state.tags());
        relationship = state.relationship();
        version = state.version();
        updatedAt = at;
    }

    /**
     * This contact is now {@code survivorId}. Known before its own first event (events of different contacts
     * may arrive in any order), it starts empty and its state still applies when it comes.
     */
    public void mergeInto(UUID survivorId, Instant at) {
        if (displayName == null) {
            displayName = "";
        }
        mergedInto = survivorId;
        updatedAt = at;
    }

    /** An undone merge gives the contact back with the state it had: authoritative, whatever version is held. */
    public void unmerge(ContactState state, Instant at) {
        apply(state, at);
        mergedInto = null;
    }

    /**
     * Back from a backup as it was: the state replaces whatever is held, whatever its version, the tombstone of an
     * erasure and a merge included (a restored contact is one of its own; merges in force follow as merged events).
     */
    public void restore(ContactState state, Instant at) {
        unmerge(state, at);
        deletedAt = null;
    }

    public java.util.Optional<UUID> mergedInto() {
        return java.util.Optional.ofNullable(mergedInto);
    }

    public void erase(long version, Instant at) {
        displayName = "";
        emails = new ArrayList<>();
        birthdayMonth = null;
        birthdayDay = null;
        birthdayYear = null;
        tags = new ArrayList<>();
        relationship = null;
        this.version = version;
        deletedAt = at;
        updatedAt = at;
    }

    public boolean visibleTo(String user) {
        return visible(deletedAt != null, visibility, ownerId, user);
    }

    /** Who may see a contact: anyone in its workspace unless it is erased, or private to another user. */
    public static boolean visible(boolean erased, String visibility, String ownerId, String user) {
        return !erased && (!"private".equals(visibility) || user.equals(ownerId));
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

    public Integer birthdayMonth() {
        return birthdayMonth == null ? null : birthdayMonth.intValue();
    }

    public Integer birthdayDay() {
        return birthdayDay == null ? null : birthdayDay.intValue();
    }

    public Integer birthdayYear() {
        return birthdayYear == null ? null : birthdayYear.intValue();
    }

    public List<String> tags() {
        return List.copyOf(tags);
    }

    public String relationship() {
        return relationship;
    }

    public long version() {
        return version;
    }

    /** A row's identity: the contact in its workspace. */
    public static class Key implements Serializable {

        private UUID contactId;
        private String workspaceId;

        protected Key() {
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(contactId, key.contactId)
                    && Objects.equals(workspaceId, key.workspaceId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(contactId, workspaceId);
        }
    }
}
