package dev.rapport.interactions.mapping.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.rapport.interactions.mapping.calendar.SkippedEntry.Reason;

class CalendarReaderTest {

    private static final ReadWindow YEAR_2026 =
            new ReadWindow(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
    private static final String WEEKLY_SYNC = "7kukuqrfedlm2f9t0vp1o6ejtt@google.com";
    private static final String ONE_ON_ONE =
            "040000008200E00074C5B7101A82E00800000000D0B4A4C1E2F0DC01000000000000000010000000A1B2C3D4E5F60718293A4B5C6D7E8F90";

    private final CalendarReader reader = new CalendarReader();

    @Test
    void googleWeeklySeriesHonoursUntilExdateMovedAndCancelledOccurrencesAcrossTheUsDstChange() throws Exception {
        var contents = read("google-export.ics", YEAR_2026);

        var series = byKey(contents, WEEKLY_SYNC);
        // Mondays 10:00 New York from Oct 5 until Nov 30 14:59:59Z (which excludes Nov 30), Oct 12 excluded.
        assertEquals(List.of("2026-10-05T14:00:00Z", "2026-10-19T14:00:00Z", "2026-10-26T14:00:00Z",
                "2026-11-02T15:00:00Z", "2026-11-09T15:00:00Z", "2026-11-16T15:00:00Z", "2026-11-23T15:00:00Z"),
                List.copyOf(series.keySet()));

        var regular = series.get("2026-11-09T15:00:00Z");
        assertEquals(Instant.parse("2026-11-09T15:00:00Z"), regular.start(), "10:00 EST after Nov 1");
        assertEquals(Instant.parse("2026-11-09T15:30:00Z"), regular.end());
        assertEquals("America/New_York", regular.timeZone());
        assertEquals(Instant.parse("2026-10-26T14:00:00Z"), series.get("2026-10-26T14:00:00Z").start(),
                "10:00 EDT before Nov 1");
        assertEquals("Weekly pipeline sync", regular.summary());
        assertEquals("Agenda:\n1. Pipeline review, wins and losses\n2. Hiring", regular.description().lines()
                .limit(3).collect(Collectors.joining("\n")), "escapes decoded, folded line joined");
        assertTrue(regular.description().endsWith("Join with Google Meet: https://meet.google.com/abc-defg-hij"));
        assertEquals("Room 4.01, Main Street 5", regular.location());
        assertEquals("alice@example.com", regular.organizerEmail());
        // Organizer's own ATTENDEE line dropped, upper-case MAILTO: read, room (CUTYPE=RESOURCE) left out.
        assertEquals(List.of("bob.stone@example.com", "carol@example.org"), regular.attendeeEmails());
        assertEquals(2, regular.sequence());
        assertEquals(Instant.parse("2026-10-01T09:00:00Z"), regular.lastModified());
        assertTrue(regular.recurring());
        assertFalse(regular.cancelled());

        var moved = series.get("2026-10-19T14:00:00Z");
        assertEquals(Instant.parse("2026-10-20T18:00:00Z"), moved.start(), "Tuesday 14:00 EDT");
        assertEquals(Instant.parse("2026-10-20T18:30:00Z"), moved.end());
        assertEquals("Weekly pipeline sync (moved)", moved.summary());
        assertEquals(List.of("bob.stone@example.com"), moved.attendeeEmails());
        assertEquals(3, moved.sequence());
        assertFalse(moved.cancelled());

        var cancelled = series.get("2026-11-02T15:00:00Z");
        assertTrue(cancelled.cancelled());
        assertEquals(Instant.parse("2026-11-02T15:00:00Z"), cancelled.start());
    }

    @Test
    void googleSingleAllDayAndUtcEventsAndTheEventOutsideTheWindow() throws Exception {
        var contents = read("google-export.ics", YEAR_2026);

        assertEquals(7, contents.eventsRead());
        assertEquals(1, contents.outsideWindow(), "the 2025 breakfast");
        assertEquals(List.of(), contents.skipped());
        assertTrue(contents.occurrences().stream().noneMatch(o -> "Old breakfast".equals(o.summary())));

        var offsite = only(contents, "0q3b8u1v2nq9s3l4k5j6h7g8f9@google.com");
        assertEquals(CalendarOccurrence.SINGLE, offsite.occurrenceKey());
        assertTrue(offsite.allDay());
        assertEquals(LocalDate.of(2026, 11, 5), offsite.allDayDate());
        assertEquals(Instant.parse("2026-11-05T00:00:00Z"), offsite.start());
        assertEquals(Instant.parse("2026-11-07T00:00:00Z"), offsite.end(), "two days, DTEND exclusive");
        assertNull(offsite.description(), "an empty DESCRIPTION is no description");
        assertEquals(List.of("dan.wu@example.net"), offsite.attendeeEmails());

        var focus = only(contents, "5h2m9c8d7e6f5g4h3j2k1l0m9n@google.com");
        assertEquals("UTC", focus.timeZone());
        assertEquals(Instant.parse("2026-11-10T15:00:00Z"), focus.start());
        assertNull(focus.organizerEmail());
        assertEquals(List.of(), focus.attendeeEmails(), "events without attendees are still returned");

        var birthday = only(contents, "bday-erin-lee@google.com");
        assertEquals("2026-03-15", birthday.occurrenceKey(), "an all-day series is keyed by date");
        assertEquals(LocalDate.of(2026, 3, 15), birthday.allDayDate());
    }

    @Test
    void theSameOccurrenceKeepsItsKeyWhenItIsLaterMoved() throws Exception {
        var withoutOverride = """
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//Rapport//test//EN
                BEGIN:VEVENT
                UID:series-1
                DTSTART;TZID=America/New_York:20261005T100000
                DTEND;TZID=America/New_York:20261005T103000
                RRULE:FREQ=WEEKLY;COUNT=3
                END:VEVENT
                END:VCALENDAR
                """;
        var withOverride = withoutOverride.replace("END:VCALENDAR", """
                BEGIN:VEVENT
                UID:series-1
                RECURRENCE-ID;TZID=America/New_York:20261012T100000
                DTSTART;TZID=America/New_York:20261013T080000
                DTEND;TZID=America/New_York:20261013T083000
                END:VEVENT
                END:VCALENDAR
                """);

        var before = keysToStarts(reader.read(crlf(withoutOverride), YEAR_2026));
        var after = keysToStarts(reader.read(crlf(withOverride), YEAR_2026));

        assertEquals(before.keySet(), after.keySet());
        assertEquals(Instant.parse("2026-10-12T14:00:00Z"), before.get("2026-10-12T14:00:00Z"));
        assertEquals(Instant.parse("2026-10-13T12:00:00Z"), after.get("2026-10-12T14:00:00Z"));
    }

    @Test
    void outlookWindowsZonesWithAndWithoutVtimezoneAndTheBerlinDstChange() throws Exception {
        var contents = read("outlook-export.ics", YEAR_2026);

        assertEquals(6, contents.eventsRead());
        var oneOnOne = byKey(contents, ONE_ON_ONE);
        // Six Tuesdays from Oct 6; Oct 13 and 20 excluded on one EXDATE line, Nov 10 on a second.
        assertEquals(List.of("2026-10-06T07:00:00Z", "2026-10-27T08:00:00Z", "2026-11-03T08:00:00Z"),
                List.copyOf(oneOnOne.keySet()));
        for (var occurrence : oneOnOne.values()) {
            assertEquals("Europe/Berlin", occurrence.timeZone());
            assertEquals(LocalTime.of(9, 0), occurrence.start().atZone(ZoneId.of("Europe/Berlin")).toLocalTime(),
                    "09:00 Berlin on both sides of Oct 25");
            assertEquals(Duration.ofMinutes(30), Duration.between(occurrence.start(), occurrence.end()));
        }
        var first = oneOnOne.get("2026-10-06T07:00:00Z");
        assertEquals("jonas.weber@contoso.com", first.organizerEmail(), "MAILTO: and mixed case");
        assertEquals(List.of("mia.schulz@contoso.com"), first.attendeeEmails());
        assertEquals("1:1 Jonas / Mia", first.summary());

        var pacific = bySummary(contents, "Fabrikam renewal call");
        assertEquals("America/Los_Angeles", pacific.timeZone(), "no VTIMEZONE: CLDR windowsZones");
        assertEquals(Instant.parse("2026-11-04T21:00:00Z"), pacific.start(), "13:00 PST");

        var london = bySummary(contents, "Tailspin quarterly review");
        assertEquals("Europe/London", london.timeZone());
        assertEquals(Instant.parse("2026-10-15T09:00:00Z"), london.start(), "10:00 BST");

        var paris = bySummary(contents, "Wingtip kick-off");
        assertEquals("Europe/Paris", paris.timeZone(), "an unquoted TZID with spaces");
        assertEquals(Instant.parse("2026-12-01T14:00:00Z"), paris.start());
        assertEquals(List.of("chloe.martin@wingtip.fr"), paris.attendeeEmails());

        assertEquals(List.of(
                new SkippedEntry(null, "Lunch without an id", Reason.NO_UID, "The event has no UID"),
                new SkippedEntry("040000008200E00074C5B7101A82E00800000000DEADBEEF000000000000000000000000100000002122"
                        + "232425262728292A2B2C2D2E2F30", "Rover sync", Reason.UNKNOWN_TIME_ZONE,
                        "Unknown time zone (TZID) Mars Standard Time")),
                contents.skipped());
        assertEquals(6, contents.occurrences().size());
    }

    @Test
    void appleExportWithVendorPropertiesDurationAndAFloatingTime() throws Exception {
        var utc = read("apple-export.ics", YEAR_2026);

        var coffee = bySummary(utc, "Coffee with Louise");
        assertEquals("Europe/Paris", coffee.timeZone());
        assertEquals(Instant.parse("2026-09-17T12:30:00Z"), coffee.start());
        assertEquals(Instant.parse("2026-09-17T13:30:00Z"), coffee.end());
        assertEquals("marc@me.com", coffee.organizerEmail());
        assertEquals(List.of("louise.bernard@icloud.com"), coffee.attendeeEmails());
        assertEquals("Café de Flore\n172 Bd Saint-Germain, 75006 Paris, France", coffee.location());

        var dentist = bySummary(utc, "Dentist");
        assertEquals("UTC", dentist.timeZone(), "floating time in the window's default zone");
        assertEquals(Instant.parse("2026-10-02T08:30:00Z"), dentist.start());
        assertEquals(Instant.parse("2026-10-02T09:15:00Z"), dentist.end(), "DURATION:PT45M");

        var inParis = read("apple-export.ics", YEAR_2026.withFloatingZone(ZoneId.of("Europe/Paris")));
        var dentistInParis = bySummary(inParis, "Dentist");
        assertEquals("Europe/Paris", dentistInParis.timeZone());
        assertEquals(Instant.parse("2026-10-02T06:30:00Z"), dentistInParis.start());
    }

    @Test
    void countLimitsASeriesAndTheWindowCutsIt() throws Exception {
        var ics = crlf("""
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//Rapport//test//EN
                BEGIN:VEVENT
                UID:daily
                DTSTART:20261228T090000Z
                DTEND:20261228T091500Z
                RRULE:FREQ=DAILY;COUNT=10
                EXDATE:20261229T090000Z
                END:VEVENT
                BEGIN:VEVENT
                UID:weekly-all-day
                DTSTART;VALUE=DATE:20261201
                RRULE:FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20261210
                EXDATE;VALUE=DATE:20261208
                STATUS:CANCELLED
                END:VEVENT
                END:VCALENDAR
                """);

        var contents = reader.read(ics, YEAR_2026);

        // Dec 28..Jan 6 by COUNT; the window ends at Jan 1 00:00Z; Dec 29 excluded.
        assertEquals(List.of("2026-12-28T09:00:00Z", "2026-12-30T09:00:00Z", "2026-12-31T09:00:00Z"),
                List.copyOf(byKey(contents, "daily").keySet()));
        var allDay = byKey(contents, "weekly-all-day");
        assertEquals(List.of("2026-12-01", "2026-12-03", "2026-12-10"), List.copyOf(allDay.keySet()));
        assertTrue(allDay.values().stream().allMatch(CalendarOccurrence::cancelled), "the whole series is cancelled");
        assertTrue(allDay.values().stream().allMatch(o -> o.end() == null), "neither DTEND nor DURATION");
    }

    @Test
    void eventsThatCannotBePlacedAreReportedNotDropped() throws Exception {
        var ics = crlf("""
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//Rapport//test//EN
                BEGIN:VEVENT
                UID:no-start
                SUMMARY:Someday
                END:VEVENT
                BEGIN:VEVENT
                UID:twice
                DTSTART:20260301T090000Z
                SUMMARY:First
                END:VEVENT
                BEGIN:VEVENT
                UID:twice
                DTSTART:20260302T090000Z
                SUMMARY:Second
                END:VEVENT
                BEGIN:VEVENT
                UID:mozilla
                DTSTART;TZID=/mozilla.org/20070129_1/Europe/Berlin:20260601T090000
                SUMMARY:Thunderbird
                END:VEVENT
                END:VCALENDAR
                """);

        var contents = reader.read(ics, YEAR_2026);

        assertEquals(4, contents.eventsRead());
        assertEquals(List.of(Reason.DUPLICATE_UID, Reason.NO_START),
                contents.skipped().stream().map(SkippedEntry::reason).toList());
        assertEquals("Second", contents.skipped().get(0).summary());
        var thunderbird = only(contents, "mozilla");
        assertEquals("Europe/Berlin", thunderbird.timeZone());
        assertEquals(Instant.parse("2026-06-01T07:00:00Z"), thunderbird.start());
    }

    @Test
    void aFileThatIsNotICalendarIsRefusedWithAUserSafeMessage() {
        var notCalendar = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Someone\r\nEND:VCARD\r\n";
        var error = assertThrows(InvalidCalendarFile.class,
                () -> reader.read(notCalendar.getBytes(StandardCharsets.UTF_8), YEAR_2026));
        assertEquals(OptionalInt.of(1), error.lineNumber());
        assertEquals("The file is not a readable iCalendar (.ics) file (line 1)", error.getMessage());

        var truncated = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n";
        var cut = assertThrows(InvalidCalendarFile.class,
                () -> reader.read(truncated.getBytes(StandardCharsets.UTF_8), YEAR_2026));
        assertFalse(cut.getMessage().contains("ical4j") || cut.getMessage().contains("Exception"), cut.getMessage());
    }

    @Test
    void everyWindowsZoneOfTheCldrTableIsAZoneTheJdkKnows() {
        var table = TimeZoneResolver.windowsZones();
        assertTrue(table.size() >= 135, "the table has " + table.size() + " entries");
        var resolver = new TimeZoneResolver();
        table.forEach((windows, iana) -> assertEquals(ZoneId.of(iana), resolver.resolve(windows).orElseThrow(),
                windows));
        assertEquals(ZoneId.of("Asia/Calcutta"), resolver.resolve("India Standard Time").orElseThrow());
        assertTrue(resolver.resolve("EST").isEmpty(), "abbreviations are ambiguous, not zones");
    }

    /** Not a timed test: shows the cost of a large export in the build log. */
    @Test
    void aFiveThousandEventFileIsReadQuickly() throws Exception {
        var ics = generated(5_000);
        var window = new ReadWindow(Instant.parse("2025-12-01T00:00:00Z"), Instant.parse("2027-03-01T00:00:00Z"));
        reader.read(ics, window); // warm-up
        reader.read(ics, window);

        long started = System.nanoTime();
        var contents = reader.read(ics, window);
        long millis = (System.nanoTime() - started) / 1_000_000;

        System.out.printf("CalendarReader: %d VEVENTs (%d KiB) -> %d occurrences in %d ms%n",
                contents.eventsRead(), ics.length / 1024, contents.occurrences().size(), millis);
        assertEquals(5_000, contents.eventsRead());
        assertEquals(List.of(), contents.skipped());
        // 4,000 singles in the window, 1,000 weekly series of 10 occurrences each.
        assertEquals(4_000 + 10_000, contents.occurrences().size());
    }

    private static byte[] generated(int events) {
        var ics = new StringBuilder("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rapport//generator//EN\r\n");
        var zones = List.of("Europe/Berlin", "America/New_York", "Asia/Tokyo", "Europe/London");
        for (int i = 0; i < events; i++) {
            var day = LocalDate.of(2026, 1, 5).plusDays(i % 300);
            var stamp = day.toString().replace("-", "") + "T" + String.format("%02d", 8 + i % 9) + "0000";
            ics.append("BEGIN:VEVENT\r\nUID:gen-").append(i).append("@rapport.test\r\n")
                    .append("DTSTAMP:20261126T101500Z\r\n")
                    .append("DTSTART;TZID=").append(zones.get(i % zones.size())).append(':').append(stamp).append("\r\n")
                    .append("DURATION:PT1H\r\n")
                    .append("SUMMARY:Meeting ").append(i).append("\r\n")
                    .append("ORGANIZER;CN=Owner:mailto:owner@example.com\r\n")
                    .append("ATTENDEE;CN=Guest;PARTSTAT=ACCEPTED:mailto:guest").append(i % 50).append("@example.com\r\n");
            if (i % 5 == 0) {
                ics.append("RRULE:FREQ=WEEKLY;COUNT=10\r\n");
            }
            ics.append("END:VEVENT\r\n");
        }
        return ics.append("END:VCALENDAR\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private CalendarContents read(String fixture, ReadWindow window) throws IOException, InvalidCalendarFile {
        try (InputStream in = getClass().getResourceAsStream("/calendars/" + fixture)) {
            return reader.read(in, window);
        }
    }

    private static byte[] crlf(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, CalendarOccurrence> byKey(CalendarContents contents, String uid) {
        return contents.occurrences().stream().filter(o -> o.uid().equals(uid))
                .collect(Collectors.toMap(CalendarOccurrence::occurrenceKey, o -> o, (a, b) -> {
                    throw new AssertionError("two occurrences with key " + a.occurrenceKey());
                }, java.util.LinkedHashMap::new));
    }

    private static Map<String, Instant> keysToStarts(CalendarContents contents) {
        return contents.occurrences().stream()
                .collect(Collectors.toMap(CalendarOccurrence::occurrenceKey, CalendarOccurrence::start));
    }

    private static CalendarOccurrence only(CalendarContents contents, String uid) {
        var matches = contents.occurrences().stream().filter(o -> o.uid().equals(uid)).toList();
        assertEquals(1, matches.size(), uid);
        return matches.get(0);
    }

    private static CalendarOccurrence bySummary(CalendarContents contents, String summary) {
        var matches = contents.occurrences().stream().filter(o -> summary.equals(o.summary())).toList();
        assertEquals(1, matches.size(), summary);
        return matches.get(0);
    }
}
