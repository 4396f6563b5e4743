package dev.rapport.reminders.mapping.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import biweekly.Biweekly;
import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import biweekly.io.scribe.property.TextPropertyScribe;
import biweekly.property.TextProperty;
import biweekly.util.DateTimeComponents;
import biweekly.util.Frequency;
import biweekly.util.ICalDate;

/** Reads what FeedWriter writes (with ical4j) back with biweekly, a parser that shares no code with it. */
class FeedWriterTest {

    private static final Instant STAMP = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant EDITED = Instant.parse("2026-02-14T08:30:15Z");
    private static final String NAME = "Zoë Ñúñez 山田";
    private static final String TRICKY = "Call " + NAME + ", re: Q3; path C:\\temp\\a\nsecond line";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final FeedWriter writer = new FeedWriter();

    private String write(String calendarName, List<FeedEntry> entries, Instant stamp) {
        return new String(writer.write(calendarName, entries, stamp), StandardCharsets.UTF_8);
    }

    private static FeedEntry allDay(String uid, String summary, LocalDate date, boolean yearly) {
        return new FeedEntry(uid, summary, null, date, null, null, yearly, null, List.of(), EDITED);
    }

    private static FeedEntry timed(String uid, LocalDate date, LocalTime time, ZoneId zone) {
        return new FeedEntry(uid, "Follow up", null, date, time, zone, false, null, List.of(), EDITED);
    }

    private static FeedEntry withAlarm(FeedEntry entry, Integer daysBefore) {
        return new FeedEntry(entry.uid(), entry.summary(), entry.description(), entry.date(), entry.time(),
                entry.zone(), entry.yearly(), daysBefore, entry.categories(), entry.lastModified());
    }

    private static List<FeedEntry> sample() {
        return List.of(
                new FeedEntry("birthday-1@rapport.dev", "Birthday: " + NAME, TRICKY, LocalDate.of(1990, 5, 17),
                        null, null, true, 3, List.of("Birthday", "Family, close; inner"), EDITED),
                allDay("leap-1@rapport.dev", "Birthday: Leap", LocalDate.of(2024, 2, 29), true),
                withAlarm(timed("paris-summer@rapport.dev", LocalDate.of(2026, 7, 1), LocalTime.of(9, 0), PARIS), 0),
                timed("paris-winter@rapport.dev", LocalDate.of(2026, 12, 1), LocalTime.of(9, 0), PARIS),
                timed("new-york@rapport.dev", LocalDate.of(2026, 7, 1), LocalTime.of(9, 0), NEW_YORK),
                timed("tokyo@rapport.dev", LocalDate.of(2026, 7, 1), LocalTime.of(9, 0), TOKYO),
                withAlarm(timed("utc@rapport.dev", LocalDate.of(2026, 7, 1), LocalTime.of(9, 0), ZoneId.of("UTC")),
                        7));
    }

    /** X-WR-CALNAME is TEXT, as calendar programs read it; biweekly would keep an unknown X- property's escapes. */
    public static final class CalendarName extends TextProperty {
        public CalendarName(String value) {
            super(value);
        }
    }

    private static final class CalendarNameScribe extends TextPropertyScribe<CalendarName> {
        CalendarNameScribe() {
            super(CalendarName.class, "X-WR-CALNAME");
        }

        @Override
        protected CalendarName newInstance(String value, ICalVersion version) {
            return new CalendarName(value);
        }
    }

    private static ICalendar parse(String ics) {
        var warnings = new ArrayList<List<ParseWarning>>();
        var calendar = Biweekly.parse(ics).register(new CalendarNameScribe()).warnings(warnings).first();
        assertNotNull(calendar);
        assertEquals(List.of(List.of()), warnings, "biweekly reads the feed without a warning");
        return calendar;
    }

    private static Map<String, VEvent> eventsByUid(ICalendar calendar) {
        return calendar.getEvents().stream()
                .collect(Collectors.toMap(event -> event.getUid().getValue(), Function.identity()));
    }

    private static LocalDate dateOf(ICalDate date) {
        DateTimeComponents raw = date.getRawComponents();
        return LocalDate.of(raw.getYear(), raw.getMonth(), raw.getDate());
    }

    /** biweekly reads DATE values as midnight in the JVM's zone, and iterates them there. */
    private static List<LocalDate> firstOccurrences(VEvent event, int count) {
        var iterator = event.getDateIterator(TimeZone.getDefault());
        var dates = new ArrayList<LocalDate>();
        while (dates.size() < count && iterator.hasNext()) {
            Date next = iterator.next();
            dates.add(LocalDate.ofInstant(next.toInstant(), ZoneId.systemDefault()));
        }
        return dates;
    }

    @Test
    void calendarPropertiesForSubscribingClients() {
        var ics = write("Reminders of " + NAME + ", work; home", sample(), STAMP);
        var calendar = parse(ics);

        assertEquals("-//Rapport//Reminders//EN", calendar.getProductId().getValue());
        assertEquals(ICalVersion.V2_0, calendar.getVersion());
        assertEquals("GREGORIAN", calendar.getCalendarScale().getValue());
        assertEquals("PUBLISH", calendar.getMethod().getValue());
        assertEquals("Reminders of " + NAME + ", work; home", calendar.getProperty(CalendarName.class).getValue());
        var refresh = calendar.getRefreshInterval();
        // biweekly consumes VALUE=DURATION while parsing; RFC 7986 requires it.
        assertTrue(ics.contains("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n"), ics);
        assertEquals(3_600_000L, refresh.getValue().toMillis());
        assertFalse(refresh.getValue().isPrior());
        assertEquals("PT1H", calendar.getExperimentalProperty("X-PUBLISHED-TTL").getValue());
        assertEquals(7, calendar.getEvents().size());
    }

    @Test
    void everyEventCarriesItsUidTheStampAndItsTextsRoundTripped() {
        var entries = sample();
        var events = eventsByUid(parse(write("Reminders", entries, STAMP)));

        assertEquals(entries.stream().map(FeedEntry::uid).collect(Collectors.toSet()), events.keySet());
        for (var event : events.values()) {
            assertEquals(STAMP, event.getDateTimeStamp().getValue().toInstant(), "DTSTAMP is the given stamp");
            assertEquals(EDITED, event.getLastModified().getValue().toInstant());
            assertEquals("TRANSPARENT", event.getTransparency().getValue());
        }
        var birthday = events.get("birthday-1@rapport.dev");
        assertEquals("Birthday: " + NAME, birthday.getSummary().getValue());
        assertEquals(TRICKY, birthday.getDescription().getValue(), "commas, semicolons, backslashes, newline");
        assertEquals(List.of("Birthday", "Family, close; inner"), birthday.getCategories().get(0).getValues());
        assertNull(events.get("leap-1@rapport.dev").getDescription());
        assertTrue(events.get("leap-1@rapport.dev").getCategories().isEmpty());
    }

    @Test
    void allDayEntriesAreDatesWithTheNextDayAsEnd() {
        var events = eventsByUid(parse(write("Reminders", sample(), STAMP)));

        var birthday = events.get("birthday-1@rapport.dev");
        assertFalse(birthday.getDateStart().getValue().hasTime(), "DTSTART;VALUE=DATE");
        assertEquals(LocalDate.of(1990, 5, 17), dateOf(birthday.getDateStart().getValue()));
        assertFalse(birthday.getDateEnd().getValue().hasTime(), "DTEND;VALUE=DATE");
        assertEquals(LocalDate.of(1990, 5, 18), dateOf(birthday.getDateEnd().getValue()));
    }

    @Test
    void aYearlyBirthdayRecursEveryYear() {
        var birthday = eventsByUid(parse(write("Reminders", sample(), STAMP))).get("birthday-1@rapport.dev");

        var rule = birthday.getRecurrenceRule().getValue();
        assertEquals(Frequency.YEARLY, rule.getFrequency());
        assertTrue(rule.getByMonth().isEmpty());
        assertTrue(rule.getByMonthDay().isEmpty());
        assertNull(rule.getCount());
        assertNull(rule.getUntil());
        assertEquals(List.of(LocalDate.of(1990, 5, 17), LocalDate.of(1991, 5, 17), LocalDate.of(1992, 5, 17)),
                firstOccurrences(birthday, 3));
        assertNull(eventsByUid(parse(write("Reminders", sample(), STAMP))).get("tokyo@rapport.dev")
                .getRecurrenceRule(), "not yearly: no rule");
    }

    @Test
    void aTwentyNinthOfFebruaryBirthdayFallsOnTheLastDayOfFebruaryInOtherYears() {
        var ics = write("Reminders", sample(), STAMP);
        var leap = eventsByUid(parse(ics)).get("leap-1@rapport.dev");

        assertTrue(ics.contains("\r\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1\r\n"), ics);
        var rule = leap.getRecurrenceRule().getValue();
        assertEquals(Frequency.YEARLY, rule.getFrequency());
        assertEquals(List.of(2), rule.getByMonth());
        assertEquals(List.of(-1), rule.getByMonthDay());
        assertEquals(List.of(LocalDate.of(2024, 2, 29), LocalDate.of(2025, 2, 28), LocalDate.of(2026, 2, 28),
                LocalDate.of(2027, 2, 28), LocalDate.of(2028, 2, 29)), firstOccurrences(leap, 5));
    }

    @Test
    void timedEntriesAreWrittenInTheirZoneWithOneRealVtimezoneEach() {
        var ics = write("Reminders", sample(), STAMP);
        var calendar = parse(ics);
        var events = eventsByUid(calendar);

        Map<String, Instant> expected = Map.of(
                "paris-summer@rapport.dev", Instant.parse("2026-07-01T07:00:00Z"),
                "paris-winter@rapport.dev", Instant.parse("2026-12-01T08:00:00Z"),
                "new-york@rapport.dev", Instant.parse("2026-07-01T13:00:00Z"),
                "tokyo@rapport.dev", Instant.parse("2026-07-01T00:00:00Z"),
                "utc@rapport.dev", Instant.parse("2026-07-01T09:00:00Z"));
        expected.forEach((uid, start) -> {
            var event = events.get(uid);
            assertTrue(event.getDateStart().getValue().hasTime(), uid);
            assertEquals(start, event.getDateStart().getValue().toInstant(), uid);
            assertEquals(start.plusSeconds(15 * 60), event.getDateEnd().getValue().toInstant(), uid);
        });
        var parisStart = events.get("paris-summer@rapport.dev").getDateStart();
        assertEquals("Europe/Paris",
                calendar.getTimezoneInfo().getTimezone(parisStart).getComponent().getTimezoneId().getValue(),
                "TZID=Europe/Paris, resolved by biweekly with the feed's VTIMEZONE");
        assertEquals(new DateTimeComponents(2026, 7, 1, 9, 0, 0, false), parisStart.getValue().getRawComponents(),
                "written as the local time");
        assertNull(calendar.getTimezoneInfo().getTimezone(events.get("utc@rapport.dev").getDateStart()),
                "UTC: a Z time");
        assertTrue(ics.contains("\r\nDTSTART:20260701T090000Z\r\n"), ics);

        // One VTIMEZONE per zone used, none for UTC, each with observances that carry offsets.
        var vtimezones = calendar.getTimezoneInfo().getComponents();
        assertEquals(List.of("America/New_York", "Asia/Tokyo", "Europe/Paris"), vtimezones.stream()
                .map(zone -> zone.getTimezoneId().getValue()).sorted().toList());
        for (var zone : vtimezones) {
            var observances = new ArrayList<biweekly.component.Observance>(zone.getStandardTimes());
            observances.addAll(zone.getDaylightSavingsTime());
            assertFalse(zone.getStandardTimes().isEmpty(), zone.getTimezoneId().getValue());
            for (var observance : observances) {
                assertNotNull(observance.getTimezoneOffsetFrom(), zone.getTimezoneId().getValue());
                assertNotNull(observance.getTimezoneOffsetTo(), zone.getTimezoneId().getValue());
                assertNotNull(observance.getDateStart(), zone.getTimezoneId().getValue());
            }
        }
        assertFalse(vtimezones.stream().filter(zone -> zone.getTimezoneId().getValue().equals("Europe/Paris"))
                .findFirst().orElseThrow().getDaylightSavingsTime().isEmpty());
        assertEquals(3, countLines(ics, "BEGIN:VTIMEZONE"));
    }

    @Test
    void aZoneWithoutVtimezoneIsWrittenInUtc() {
        var india = timed("offset@rapport.dev", LocalDate.of(2026, 7, 1), LocalTime.of(9, 0), ZoneId.of("+05:30"));
        var ics = write("Reminders", List.of(india), STAMP);

        var calendar = parse(ics);
        var start = calendar.getEvents().get(0).getDateStart();
        assertEquals(Instant.parse("2026-07-01T03:30:00Z"), start.getValue().toInstant());
        assertNull(calendar.getTimezoneInfo().getTimezone(start));
        assertTrue(ics.contains("\r\nDTSTART:20260701T033000Z\r\n"), ics);
        assertFalse(ics.contains("VTIMEZONE"), ics);
    }

    @Test
    void alarmsTriggerTheGivenNumberOfDaysBefore() {
        var events = eventsByUid(parse(write("Reminders", sample(), STAMP)));

        var threeDays = events.get("birthday-1@rapport.dev").getAlarms();
        assertEquals(1, threeDays.size());
        assertEquals("DISPLAY", threeDays.get(0).getAction().getValue());
        assertEquals("Birthday: " + NAME, threeDays.get(0).getDescription().getValue());
        var trigger = threeDays.get(0).getTrigger();
        assertNull(trigger.getDate(), "relative to the start");
        assertTrue(trigger.getDuration().isPrior());
        assertEquals(3, trigger.getDuration().getDays());

        var week = events.get("utc@rapport.dev").getAlarms().get(0).getTrigger().getDuration();
        assertEquals("-P7D", week.toString(), "days, not -P1W");

        var atStart = events.get("paris-summer@rapport.dev").getAlarms().get(0).getTrigger().getDuration();
        assertEquals(0L, atStart.toMillis());
        assertFalse(atStart.isPrior());

        assertTrue(events.get("tokyo@rapport.dev").getAlarms().isEmpty());
    }

    @Test
    void linesEndWithCrlfAndNoneIsLongerThan75Octets() {
        var long1 = (NAME + " 🎂 ").repeat(12);
        var entries = new ArrayList<>(sample());
        entries.add(new FeedEntry("long@rapport.dev", long1, TRICKY.repeat(5), LocalDate.of(2026, 1, 9), null, null,
                false, 1, List.of(long1), EDITED));
        var ics = write("Reminders", entries, STAMP);

        assertTrue(ics.endsWith("END:VCALENDAR\r\n"));
        assertFalse(ics.replace("\r\n", "").contains("\n"), "no bare LF");
        assertFalse(ics.replace("\r\n", "").contains("\r"), "no bare CR");
        for (var line : ics.split("\r\n")) {
            assertTrue(line.getBytes(StandardCharsets.UTF_8).length <= 75, line);
        }
        var event = eventsByUid(parse(ics)).get("long@rapport.dev");
        assertEquals(long1, event.getSummary().getValue(), "unfolds to the same text: no character split");
        assertEquals(TRICKY.repeat(5), event.getDescription().getValue());
    }

    @Test
    void foldingKeepsCharactersWhole() {
        var line = "SUMMARY:" + "x".repeat(64) + "🎂山ë".repeat(10) + "\r\n";
        var folded = new String(FeedWriter.fold(line), StandardCharsets.UTF_8);

        for (var physical : folded.split("\r\n")) {
            assertTrue(physical.getBytes(StandardCharsets.UTF_8).length <= 75, physical);
        }
        // A surrogate pair cut in two would have come out as two replacement characters.
        assertEquals(line, folded.replace("\r\n ", ""), "unfolds to the same characters");
        assertEquals("SUMMARY:short\r\nUID:x\r\n",
                new String(FeedWriter.fold("SUMMARY:short\r\nUID:x\r\n"), StandardCharsets.UTF_8));
    }

    @Test
    void theFeedIsIcal4jsTextOfTheWholeCalendarFolded() {
        var entries = sample();
        var whole = writer.calendar("Reminders", entries, STAMP).toString();

        assertEquals(new String(FeedWriter.fold(whole), StandardCharsets.UTF_8), write("Reminders", entries, STAMP));
    }

    @Test
    void theSameInputWritesTheSameBytes() {
        var entries = sample();
        var first = write("Reminders", entries, STAMP);

        assertEquals(first, new String(new FeedWriter().write("Reminders", entries, STAMP), StandardCharsets.UTF_8));
        var shuffled = new ArrayList<>(entries);
        Collections.reverse(shuffled);
        assertEquals(first, write("Reminders", shuffled, STAMP), "event order follows the UIDs");
        // ical4j adds no UID or DTSTAMP of its own.
        assertEquals(entries.size(), countLines(first, "UID:"));
        assertEquals(entries.size(), countLines(first, "DTSTAMP:"));
        assertEquals(entries.size(), countLines(first, "DTSTAMP:20260301T100000Z"));
    }

    @Test
    void anEmptyFeedIsAValidCalendar() {
        var calendar = parse(write("Reminders", List.of(), STAMP));

        assertTrue(calendar.getEvents().isEmpty());
        assertEquals("PUBLISH", calendar.getMethod().getValue());
    }

    @Test
    void ical4jFindsNothingWrongButTheOrganizerThatPublishWants() throws Exception {
        // RFC 5546 wants an ORGANIZER on every published event; feeds do without (there is no one to reply to), and
        // adding one would make Outlook show reminders as meetings.
        var result = writer.calendar("Reminders", sample(), STAMP).validate();

        assertEquals(List.of(), result.getEntries().stream()
                .filter(entry -> !entry.getMessage().contains("ORGANIZER")).toList());
    }

    @Test
    void rejectsWhatWouldMakeABrokenFeed() {
        var entry = allDay("same@rapport.dev", "One", LocalDate.of(2026, 1, 1), false);
        assertThrows(IllegalArgumentException.class, () -> write("Reminders", List.of(entry, entry), STAMP));
        assertThrows(IllegalArgumentException.class, () -> new FeedEntry("u", "s", null, LocalDate.of(2026, 1, 1),
                LocalTime.NOON, null, false, null, List.of(), EDITED));
        assertThrows(IllegalArgumentException.class, () -> new FeedEntry("u", "s", null, LocalDate.of(2026, 1, 1),
                null, null, false, -1, List.of(), EDITED));
    }

    private static long countLines(String ics, String prefix) {
        return ics.lines().filter(line -> line.startsWith(prefix)).count();
    }
}
