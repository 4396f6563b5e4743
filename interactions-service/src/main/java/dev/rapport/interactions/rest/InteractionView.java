package dev.rapport.interactions.rest;

import dev.rapport.interactions.domain.FollowUp;
import dev.rapport.interactions.domain.Interaction;
import dev.rapport.interactions.domain.InteractionDetails;
import dev.rapport.interactions.domain.LoggedInteraction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Schema(name = "Interaction", description = "An interaction as logged; its version is also its strong ETag.")
public record InteractionView(
        @Schema(required = true) UUID id,
        @Schema(required = true, enumeration = {"meeting", "call", "video_call", "email", "message", "social", "event", "note"}) String kind,
        @Schema(required = true, description = "When it happened, with the offset of its time zone then",
                examples = "2026-11-30T14:00:00+01:00") OffsetDateTime occurredAt,
        @Schema(required = true, examples = "Europe/Paris") String timeZone,
        @Schema(nullable = true) Integer durationMinutes,
        @Schema(nullable = true) String channel,
        @Schema(nullable = true) String location,
        @Schema(required = true, enumeration = {"me", "them", "mutual"}) String initiatedBy,
        @Schema(required = true, description = "Who it was with now: merged contacts as their survivor, erased ones gone")
        List<ParticipantView> participants,
        @Schema(nullable = true) String summary,
        @Schema(nullable = true) String notes,
        @Schema(nullable = true) String feedback,
        @Schema(nullable = true, enumeration = {"positive", "neutral", "negative"}) String sentiment,
        @Schema(nullable = true) FollowUpView followUp,
        @Schema(required = true) List<String> tags,
        @Schema(required = true, enumeration = {"workspace", "private"}) String visibility,
        @Schema(required = true, enumeration = {"manual", "import", "calendar"}) String source,
        @Schema(nullable = true, description = "The other tool's id, or the calendar event's UID and occurrence") String externalId,
        @Schema(required = true, description = "The author: the user who logged it") String createdBy,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(required = true) long version) {

    @Schema(name = "InteractionParticipant")
    public record ParticipantView(@Schema(required = true) UUID contactId,
                                  @Schema(required = true, examples = "Ada Lovelace") String displayName) {
    }

    @Schema(name = "FollowUp")
    public record FollowUpView(@Schema(required = true) LocalDate due, @Schema(nullable = true) String text) {
    }

    static InteractionView of(LoggedInteraction logged, Map<UUID, String> names) {
        Interaction i = logged.interaction();
        InteractionDetails d = logged.details();
        FollowUp f = d.followUp();
        return new InteractionView(i.id(), d.kind().wire(), i.occurredAt().atZone(d.timeZone()).toOffsetDateTime(),
                d.timeZone().getId(), d.durationMinutes(), d.channel(), d.location(), d.initiatedBy().wire(),
                d.participants().stream().map(id -> new ParticipantView(id, names.getOrDefault(id, ""))).toList(),
                d.summary(), d.notes(), d.feedback(), d.sentiment() == null ? null : d.sentiment().wire(),
                f == null ? null : new FollowUpView(f.due(), f.text()), d.tags(), d.visibility().wire(),
                i.source().wire(), i.externalId(), i.createdBy(), i.createdAt(), i.updatedAt(), i.version());
    }
}
