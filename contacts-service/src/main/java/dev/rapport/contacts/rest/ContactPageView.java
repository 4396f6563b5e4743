package dev.rapport.contacts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "ContactPage", description = "One page of contacts; pass nextCursor back as cursor for the next")
public record ContactPageView(@Schema(required = true) List<ContactView> items, @Schema(nullable = true) String nextCursor) {
}
