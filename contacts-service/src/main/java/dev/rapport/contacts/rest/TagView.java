package dev.rapport.contacts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "Tag")
public record TagView(@Schema(required = true) UUID id, @Schema(examples = "investors") String name,
                      @Schema(required = true, description = "Contacts you can see that carry it") long contacts) {
}
