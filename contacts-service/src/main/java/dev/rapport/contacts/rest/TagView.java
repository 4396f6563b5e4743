package dev.rapport.contacts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "Tag")
public record TagView(UUID id, @Schema(examples = "investors") String name,
                      @Schema(description = "Contacts you can see that carry it") long contacts) {
}
