package dev.rapport.interactions.rest;

import dev.rapport.interactions.domain.CalendarCounts;
import dev.rapport.interactions.domain.CalendarImport;
import dev.rapport.interactions.domain.CalendarReason;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@Schema(name = "CalendarImport", description = "An import of one .ics file: its progress, what it did, and why it skipped what it skipped.")
public record CalendarImportView(
        @Schema(required = true) UUID id,
        @Schema(required = true, enumeration = {"queued", "running", "done", "failed"}) String status,
        @Schema(required = true, enumeration = {"workspace", "private"}, description = "Of the meetings it creates") String visibility,
        @Schema(required = true) CountsView counts,
        @Schema(required = true, description = "Skipped events and occurrences with their reasons, in file order, at most 1,000")
        List<ReasonView> reasons,
        @Schema(required = true, description = "More were skipped than reasons listed; the counts are exact") boolean reasonsTruncated,
        @Schema(nullable = true, description = "Why a failed import failed") String error,
        @Schema(required = true) Instant createdAt,
        @Schema(nullable = true) Instant finishedAt) {

    @Schema(name = "CalendarCounts", description = "occurrences = created + updated + unchanged + removed + skipped occurrences; "
            + "skipped also counts whole events that could not be read (no UID, unknown time zone)")
    public record CountsView(
            @Schema(required = true, description = "VEVENTs in the file") int eventsRead,
            @Schema(required = true, description = "Meetings within the window, series expanded") int occurrences,
            @Schema(required = true, description = "Single events and moved occurrences outside the window") int outsideWindow,
            @Schema(required = true) int created,
            @Schema(required = true) int updated,
            @Schema(required = true, description = "Imported before and the same now: nothing written") int unchanged,
            @Schema(required = true, description = "Cancelled occurrences whose meeting was deleted") int removed,
            @Schema(required = true) int skipped) {

        static CountsView of(CalendarCounts c) {
            return new CountsView(c.eventsRead(), c.occurrences(), c.outsideWindow(), c.created(), c.updated(),
                    c.unchanged(), c.removed(), c.skipped());
        }
    }

    @Schema(name = "CalendarSkipReason")
    public record ReasonView(
            @Schema(nullable = true, description = "The event's UID") String uid,
            @Schema(nullable = true, description = "The occurrence: single, or its original start", examples = "2026-10-12T14:00:00Z") String occurrence,
            @Schema(nullable = true) String summary,
            @Schema(required = true, enumeration = {"no-known-attendee", "cancelled", "no-uid", "duplicate-uid", "no-start",
                    "unreadable-start", "unknown-time-zone", "unreadable-recurrence"}) String reason,
            @Schema(required = true) String detail) {

        static ReasonView of(CalendarReason r) {
            return new ReasonView(r.uid(), r.key(), r.summary(), r.reason(), r.detail());
        }
    }

    static CalendarImportView of(CalendarImport job) {
        return new CalendarImportView(job.id(), job.status().name().toLowerCase(Locale.ROOT), job.visibility().wire(),
                CountsView.of(job.counts()), job.reasons().stream().map(ReasonView::of).toList(), job.reasonsTruncated(),
                job.error(), job.createdAt(), job.finishedAt());
    }
}
