package dev.rapport.contacts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "Merge")
public record MergeView(
        @Schema(description = "Undo it with POST /v1/merges/{mergeId}/undo; null on a dry run") UUID mergeId,
        @Schema(required = true) boolean dryRun,
        @Schema(description = "The contact as the merge leaves it") ContactView contact,
        @Schema(description = "The contacts merged into it; their ids now answer 308 to it") List<UUID> absorbed) {
}
