package dev.rapport.interactions.rest;

import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import dev.rapport.kit.openapi.SchemaShapes;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rapport.interactions.domain.FollowUp;
import dev.rapport.interactions.domain.InteractionDetails;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

@Schema(name = "InteractionInput", description = """
        What a client writes about an interaction (POST body; PATCH merges a JSON Merge Patch into it). Unknown \
        fields are rejected with 422, never silently ignored; every invalid field is listed at once. Lists \
        (participants, tags) are replaced as a whole by a PATCH, as RFC 7396 says.""")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InteractionInput(
        @Schema(required = true, enumeration = {"meeting", "call", "video_call", "email", "message", "social", "event", "note"})
        @NotNull String kind,
        @Schema(required = true, description = """
                When it happened: an ISO date-time with its offset (2026-11-30T14:00:00+01:00), or without one when \
                timeZone says where (2026-11-30T14:00:00)""", examples = "2026-11-30T14:00:00+01:00")
        @NotNull String occurredAt,
        @Schema(description = "The IANA time zone it was recorded in; by default the offset of occurredAt (UTC for Z)",
                examples = "Europe/Paris") @Size(max = 64) String timeZone,
        @Schema(description = "How long it lasted, in minutes", examples = "45") @Min(0) @Max(10080) Integer durationMinutes,
        @Schema(description = "How: a LinkedIn message, a phone number, a video link", examples = "LinkedIn")
        @Size(max = 200) String channel,
        @Schema(description = "Where: a place, a conference", examples = "Royal Society, London") @Size(max = 500) String location,
        @Schema(enumeration = {"me", "them", "mutual"}, defaultValue = "me",
                description = "Who reached out: me (you, the author), them (the contacts), or mutual")
        String initiatedBy,
        @Schema(required = true, description = "The contacts it was with: one or more contacts of your workspace you can see")
        @NotNull @Size(min = 1, max = InteractionDetails.MAX_PARTICIPANTS) List<@Valid @NotNull ParticipantInput> participants,
        @Schema(examples = "Coffee: her new engine") @Size(max = 500) String summary,
        @Size(max = 20000) String notes,
        @Schema(description = "What they said about you or your work", examples = "Liked the talk; wants more on the failures")
        @Size(max = 20000) String feedback,
        @Schema(enumeration = {"positive", "neutral", "negative"}) String sentiment,
        @Valid FollowUpInput followUp,
        @Size(max = 50) List<@NotBlank @Size(max = 60) String> tags,
        @Schema(enumeration = {"workspace", "private"}, defaultValue = "workspace",
                description = "private: only you see it") String visibility,
        @Schema(enumeration = {"manual", "import"}, defaultValue = "manual",
                description = "Set when logging only: import, with externalId, for what another tool recorded",
                extensions = @Extension(name = SchemaShapes.CREATE_ONLY, value = "true"))
        String source,
        @Schema(description = "Set when logging only: the id the other tool gave it; logging it again is a 409",
                extensions = @Extension(name = SchemaShapes.CREATE_ONLY, value = "true"),
                examples = "crm-4711") @Size(max = 200) String externalId) {

    @Schema(name = "InteractionParticipantInput")
    public record ParticipantInput(@Schema(required = true) @NotNull UUID contactId) {
    }

    @Schema(name = "FollowUpInput", description = "What you promised, and by when")
    public record FollowUpInput(
            @Schema(required = true, description = "ISO date", examples = "2026-12-07") @NotNull String due,
            @Schema(examples = "Send the paper") @Size(max = 1000) String text) {
    }

    /** An interaction's current details as the input that would write them: what a Merge Patch applies to. */
    static InteractionInput of(InteractionDetails d) {
        FollowUp f = d.followUp();
        return new InteractionInput(d.kind().wire(),
                d.occurredAt().atZone(d.timeZone()).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME),
                d.timeZone().getId(), d.durationMinutes(), d.channel(), d.location(), d.initiatedBy().wire(),
                d.participants().stream().map(ParticipantInput::new).toList(), d.summary(), d.notes(), d.feedback(),
                d.sentiment() == null ? null : d.sentiment().wire(),
                f == null ? null : new FollowUpInput(f.due().toString(), f.text()), d.tags(), d.visibility().wire(),
                null, null);
    }
}
