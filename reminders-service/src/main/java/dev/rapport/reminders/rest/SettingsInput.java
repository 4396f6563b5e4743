package dev.rapport.reminders.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ReminderSettings", description = "Yours: the zone your days begin in, and how many days ahead birthdays show")
public record SettingsInput(
        @Schema(required = true, examples = "Europe/Paris", description = "An IANA time zone") String timeZone,
        @Schema(required = true, minimum = "0", maximum = "60", examples = "7") Integer birthdayLeadDays) {
}
