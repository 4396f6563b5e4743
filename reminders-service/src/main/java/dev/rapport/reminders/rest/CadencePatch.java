package dev.rapport.reminders.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CadencePatch", description = "A cadence's contact or tag stays; its period may change")
public record CadencePatch(@Schema(required = true, examples = "P60D") String every) {
}
