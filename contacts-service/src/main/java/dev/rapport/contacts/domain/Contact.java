package dev.rapport.contacts.domain;

import dev.rapport.kit.http.Folding;
import dev.rapport.kit.ids.Uuids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A person in someone's network. Contact points live in jsonb lists on the row, so reading a contact is one
 * row; {@code sortName} and {@code searchText} are folded copies kept for listing and searching.
 */
@Entity
@Table(name = "contact")
public class Contact {

    @Id
    private UUID id;

    /** Set by Hibernate from the current workspace; every query is filtered by it. */
    @TenantId
    @Column(name = "workspace_id", nullable = false, updatable = false)
    private String workspaceId;

    @Column(name = "given_name")
    private String givenName;
    @Column(name = "family_name")
    private String familyName;
    @Column(name = "display_name", nullable = false)
    private String displayName;
    @Column(name = "display_name_set", nullable = false)
    private boolean displayNameSet;
    private String nickname;
    private String pronouns;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<EmailAddress> emails = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<PhoneNumber> phones = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "social_profiles", nullable = false)
    private List<SocialProfile> socialProfiles = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<Website> websites = new ArrayList<>();

    private String company;
    private String title;
    private String department;
    private String city;
    private String region;
    private String country;
    private String address;

    @Column(name = "birthday_month")
    private Short birthdayMonth;
    @Column(name = "birthday_day")
    private Short birthdayDay;
    @Column(name = "birthday_year")
    private Short birthdayYear;

    @Column(name = "how_we_met")
    private String howWeMet;
    @Column(name = "met_at")
    private String metAt;
    @Column(name = "met_on")
    private LocalDate metOn;
    @Enumerated(EnumType.STRING)
    private Relationship relationship;
    private String note;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    private List<String> tags = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Visibility visibility = Visibility.WORKSPACE;

    @Column(name = "owner_id", nullable = false, updatable = false)
    private String ownerId;

    @Column(name = "sort_name", nullable = false)
    private String sortName;
    @Column(name = "search_text", nullable = false)
    private String searchText;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Contact() {
    }

    /** PostgreSQL keeps microseconds; so does the entity, or a keyset cursor would not find its own row. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** A new contact owned by the user who adds it. */
    public static Contact create(ContactDetails details, String user) {
        Contact contact = new Contact();
        contact.id = Uuids.v7();
        contact.ownerId = user;
        contact.createdBy = user;
        contact.createdAt = now();
        contact.updatedAt = contact.createdAt;
        contact.write(details);
        return contact;
    }

    /** The contact as it was when {@code snapshot} was taken, in the current workspace. */
    public static Contact restore(ContactSnapshot snapshot) {
        Contact contact = new Contact();
        contact.id = snapshot.id();
        contact.ownerId = snapshot.ownerId();
        contact.createdBy = snapshot.createdBy();
        contact.createdAt = snapshot.createdAt();
        contact.write(snapshot.details());
        contact.updatedAt = snapshot.updatedAt();
        contact.version = snapshot.version();
        return contact;
    }

    public ContactSnapshot snapshot() {
        return new ContactSnapshot(id, details(), ownerId, createdBy, createdAt, updatedAt, version);
    }

    /**
     * Replaces the details; job, place and relationship changes become history entries dated
     * {@code effectiveOn}.
     */
    public ContactChanges update(ContactDetails details, String user, LocalDate effectiveOn) {
        ContactDetails before = details();
        List<String> changed = details.fieldsChangedFrom(before);
        if (changed.isEmpty()) {
            return new ContactChanges(List.of(), List.of());
        }
        Instant now = now();
        List<HistoryEntry> history = new ArrayList<>();
        record(history, HistoryKind.JOB, before.job(), details.job(), user, effectiveOn, now);
        record(history, HistoryKind.PLACE, before.place(), details.place(), user, effectiveOn, now);
        record(history, HistoryKind.RELATIONSHIP, before.relationshipValue(), details.relationshipValue(), user, effectiveOn, now);
        write(details);
        updatedAt = now;
        return new ContactChanges(changed, history);
    }

    private void record(List<HistoryEntry> history, HistoryKind kind, Map<String, String> before, Map<String, String> after,
                        String user, LocalDate effectiveOn, Instant now) {
        if (!before.equals(after)) {
            history.add(new HistoryEntry(id, kind, effectiveOn, before, after, user, now));
        }
    }

    /**
     * Puts back details this contact had before (an undone merge): what changed is reported, but it is not
     * a dated change of job, place or relationship, so no history is written.
     */
    public List<String> revert(ContactDetails details) {
        List<String> changed = details.fieldsChangedFrom(details());
        if (!changed.isEmpty()) {
            write(details);
            updatedAt = now();
        }
        return changed;
    }

    /** A tag was renamed workspace-wide. */
    public void renameTag(String from, String to) {
        tags.replaceAll(tag -> tag.equals(from) ? to : tag);
        refreshDerived();
        updatedAt = now();
    }

    public void removeTag(String name) {
        tags.remove(name);
        refreshDerived();
        updatedAt = now();
    }

    private void write(ContactDetails d) {
        givenName = d.givenName();
        familyName = d.familyName();
        displayNameSet = d.displayName() != null;
        displayName = d.shownName();
        nickname = d.nickname();
        pronouns = d.pronouns();
        emails = new ArrayList<>(d.emails());
        phones = new ArrayList<>(d.phones());
        socialProfiles = new ArrayList<>(d.socialProfiles());
        websites = new ArrayList<>(d.websites());
        company = d.company();
        title = d.title();
        department = d.department();
        city = d.city();
        region = d.region();
        country = d.country();
        address = d.address();
        Birthday birthday = d.birthday();
        birthdayMonth = birthday == null ? null : (short) birthday.month();
        birthdayDay = birthday == null ? null : (short) birthday.day();
        birthdayYear = birthday == null || birthday.year() == null ? null : birthday.year().shortValue();
        howWeMet = d.howWeMet();
        metAt = d.metAt();
        metOn = d.metOn();
        relationship = d.relationship();
        note = d.note();
        tags = new ArrayList<>(d.tags());
        visibility = d.visibility();
        refreshDerived();
    }

    private void refreshDerived() {
        sortName = Folding.fold(displayName);
        Stream<String> points = Stream.of(
                emails.stream().map(EmailAddress::address),
                phones.stream().flatMap(p -> Stream.of(p.number(), p.normalised() ? p.number().replace("+", "") : null, p.original())),
                socialProfiles.stream().map(SocialProfile::handle),
                websites.stream().map(Website::url)).flatMap(s -> s);
        Stream<String> fields = Stream.of(displayName, givenName, familyName, nickname, company, title, department,
                city, region, country, howWeMet, metAt, note);
        searchText = Stream.concat(Stream.concat(fields, points), tags.stream())
                .filter(Objects::nonNull).map(Folding::fold).filter(s -> !s.isEmpty())
                .reduce((a, b) -> a + " " + b).orElse("");
    }

    public ContactDetails details() {
        Birthday birthday = birthdayMonth == null ? null
                : new Birthday(birthdayMonth, birthdayDay, birthdayYear == null ? null : birthdayYear.intValue());
        return new ContactDetails(givenName, familyName, displayNameSet ? displayName : null, nickname, pronouns,
                emails, phones, socialProfiles, websites, company, title, department, city, region, country, address,
                birthday, howWeMet, metAt, metOn, relationship, note, tags, visibility);
    }

    public boolean visibleTo(String user) {
        return visibility == Visibility.WORKSPACE || ownerId.equals(user);
    }

    public UUID id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public String sortName() {
        return sortName;
    }

    public String ownerId() {
        return ownerId;
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
