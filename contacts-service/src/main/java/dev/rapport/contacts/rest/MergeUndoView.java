package dev.rapport.contacts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "MergeUndone")
public record MergeUndoView(
        UUID mergeId,
        @Schema(description = "The contact that had absorbed the others, as it was before the merge") ContactView contact,
        @Schema(description = "The absorbed contacts, back as they were (those you may see)") List<ContactView> restored) {
}
