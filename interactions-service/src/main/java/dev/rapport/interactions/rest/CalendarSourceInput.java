package dev.rapport.interactions.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CalendarSourceInput", description = "An ICS subscription to poll: the secret address calendar programs publish")
public record CalendarSourceInput(
        @Schema(required = true, description = "The ICS URL (https, http or webcal). A secret: never shown again in full",
                examples = "https://calendar.google.com/calendar/ical/alice%40example.com/private-0123456789abcdef/basic.ics")
        @NotBlank @Size(max = 4000) String url,
        @Schema(nullable = true, description = "Defaults to the URL's host", examples = "Work calendar") @Size(max = 200) String name,
        @Schema(nullable = true, enumeration = {"private", "workspace"}, description = "Of the meetings it creates; private by default")
        String visibility) {
}
