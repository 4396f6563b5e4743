package dev.rapport.contacts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "MergedContact", description = "A contact that was merged into another; Location names the survivor")
public record MergedContactView(@Schema(required = true) UUID id, @Schema(required = true) UUID mergedInto,
                                @Schema(required = true) UUID mergeId) {
}
