package dev.rapport.interactions.domain;

import dev.rapport.kit.http.Folding;
import dev.rapport.kit.ids.Uuids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One contact with one or more people: when, how, who reached out, what was said and promised. Its participants
 * are rows of their own ({@code interaction_participant}), kept by the participant repository; {@code searchText}
 * is the folded summary, notes and feedback that {@code q} searches.
 */
@Entity
@Table(name = "interaction")
public class Interaction {

    @Id
    private UUID id;

    /** Set by Hibernate from the current workspace; every query is filtered by it. */
    @TenantId
    @Column(name = "workspace_id", nullable = false, updatable = false)
    private String workspaceId;

    @Column(nullable = false)
    private String kind;
    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;
    @Column(name = "time_zone", nullable = false)
    private String timeZone;
    @Column(name = "duration_minutes")
    private Integer durationMinutes;
    private String channel;
    private String location;
    @Column(name = "initiated_by", nullable = false)
    private String initiatedBy;
    private String summary;
    private String notes;
    private String feedback;
    private String sentiment;
    @Column(name = "follow_up_due")
    private LocalDate followUpDue;
    @Column(name = "follow_up_text")
    private String followUpText;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private List<String> tags = new ArrayList<>();
    @Column(nullable = false)
    private String visibility;
    @Column(nullable = false, updatable = false)
    private String source;
    @Column(name = "external_id", updatable = false)
    private String externalId;
    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;
    @Version
    private long version;
    @Column(name = "search_text", nullable = false)
    private String searchText;

    protected Interaction() {
    }

    public static Interaction log(InteractionDetails details, InteractionSource source, String externalId, String author,
                                  Instant now) {
        return log(Uuids.v7(), details, source, externalId, author, now);
    }

    /** With the id another service gave it in advance (a reminder completed with "log this"), so it is logged once. */
    public static Interaction log(UUID id, InteractionDetails details, InteractionSource source, String externalId,
                                  String author, Instant now) {
        Interaction interaction = new Interaction();
        interaction.id = id;
        interaction.source = source.wire();
        interaction.externalId = externalId;
        interaction.createdBy = author;
        interaction.createdAt = now;
        interaction.write(details, now);
        return interaction;
    }

    /** Replaces what the author said; the participants are the participant repository's to replace. */
    public void replace(InteractionDetails details, Instant now) {
        write(details, now);
    }

    /** The participants changed without the author (a contact merged or erased): a new version all the same. */
    public void participantsChanged(Instant now) {
        updatedAt = now;
    }

    private void write(InteractionDetails d, Instant now) {
        kind = d.kind().wire();
        occurredAt = d.occurredAt();
        timeZone = d.timeZone().getId();
        durationMinutes = d.durationMinutes();
        channel = d.channel();
        location = d.location();
        initiatedBy = d.initiatedBy().wire();
        summary = d.summary();
        notes = d.notes();
        feedback = d.feedback();
        sentiment = d.sentiment() == null ? null : d.sentiment().wire();
        followUpDue = d.followUp() == null ? null : d.followUp().due();
        followUpText = d.followUp() == null ? null : d.followUp().text();
        tags = new ArrayList<>(d.tags());
        visibility = d.visibility().wire();
        searchText = Stream.of(summary, notes, feedback).filter(Objects::nonNull).map(Folding::fold)
                .collect(Collectors.joining(" "));
        updatedAt = now;
    }

    /** What the author said, with {@code participants} as the caller knows them. */
    public InteractionDetails details(List<UUID> participants) {
        return new InteractionDetails(kind(), occurredAt, ZoneId.of(timeZone), durationMinutes, channel, location,
                initiatedBy(), participants, summary, notes, feedback,
                sentiment == null ? null : Sentiment.fromWire(sentiment), followUp(), tags, visibility());
    }

    /** Whether {@code user} may see it as far as the interaction itself says; its contacts may hide it too. */
    public boolean openTo(String user) {
        return visibility() == Visibility.WORKSPACE || createdBy.equals(user);
    }

    public UUID id() {
        return id;
    }

    public InteractionKind kind() {
        return InteractionKind.fromWire(kind);
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public ZoneId timeZone() {
        return ZoneId.of(timeZone);
    }

    public Initiator initiatedBy() {
        return Initiator.fromWire(initiatedBy);
    }

    public FollowUp followUp() {
        return followUpDue == null ? null : new FollowUp(followUpDue, followUpText);
    }

    public Visibility visibility() {
        return Visibility.fromWire(visibility);
    }

    public InteractionSource source() {
        return InteractionSource.fromWire(source);
    }

    public String externalId() {
        return externalId;
    }

    public String summary() {
        return summary;
    }

    public List<String> tags() {
        return List.copyOf(tags);
    }

    public Integer durationMinutes() {
        return durationMinutes;
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
