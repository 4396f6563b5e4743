package dev.rapport.contacts.rest;

import dev.rapport.contacts.domain.HistoryEntry;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

@Schema(name = "HistoryEntry", description = "A dated change of job, place or relationship")
public record HistoryEntryView(
        @Schema(required = true) UUID id,
        @Schema(required = true, enumeration = {"job", "place", "relationship"}) String kind,
        @Schema(description = "When the change took effect") LocalDate effectiveOn,
        @Schema(examples = "{\"company\":\"Acme\",\"title\":\"Engineer\",\"department\":null}") Map<String, String> from,
        Map<String, String> to,
        String recordedBy,
        Instant recordedAt) {

    public static HistoryEntryView of(HistoryEntry entry) {
        return new HistoryEntryView(entry.id(), entry.kind().wire(), entry.effectiveOn(), entry.oldValue(), entry.newValue(),
                entry.recordedBy(), entry.recordedAt());
    }
}
