package dev.rapport.interactions.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "InteractionPage", description = "One page of interactions, newest first; pass nextCursor back as cursor for the next")
public record InteractionPageView(@Schema(required = true) List<InteractionView> items,
                                  @Schema(nullable = true) String nextCursor) {
}
