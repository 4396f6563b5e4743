package dev.rapport.reminders.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "CadencePage")
public record CadencePageView(@Schema(required = true) List<CadenceView> items,
                              @Schema(required = true, nullable = true, description = "Pass as cursor for the next page; null on the last") String nextCursor) {
}
