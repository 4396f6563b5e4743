package dev.rapport.reminders.domain;

import java.time.ZoneId;

/** A user's own: the zone their days begin in (agenda, date-only reminders) and how early birthdays are announced. */
public record UserSettings(ZoneId timeZone, int birthdayLeadDays, long version) {
}
