package dev.rapport.reminders.mapping.feed;

import dev.rapport.reminders.domain.Every;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.Month;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TextList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Trigger;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * Writes reminders as a subscribable iCalendar feed (RFC 5545) that Google Calendar, Apple Calendar and Outlook read.
 * ical4j builds and serialises every line; this class only decides what goes in.
 *
 * <p>The text depends on the arguments alone, so a hash of it can serve as the feed's ETag: events are written in UID
 * order (the order of {@code entries} does not matter), DTSTAMP is {@code stamp}, time zone definitions come from
 * the VTIMEZONEs bundled in the ical4j jar (never fetched, see {@code ical4j.properties}).
 *
 * <p>Time zones: a timed entry is written in its zone's local time with a VTIMEZONE (one per zone) so that a yearly
 * reminder keeps its wall-clock time across daylight saving changes. ical4j names some zones by their canonical IANA
 * id (Asia/Calcutta is written as Asia/Kolkata, Europe/Kiev as Europe/Kyiv: same rules). Entries in UTC, or in a zone
 * ical4j bundles no VTIMEZONE for (fixed offsets such as {@code +05:30}, the JDK's SystemV/* ids), are written as UTC
 * times: correct for the first occurrence, while a yearly one keeps that UTC time (and UTC date) every year.
 *
 * <p>Folding and the UTF-8 encoding are the steps done here rather than by ical4j, whose FoldingWriter counts chars
 * instead of octets (see {@link #fold}); the content of every line is ical4j's.
 *
 * <p>Thread-safe; the zone definitions are loaded once per zone and shared.
 */
public final class FeedWriter {

    private static final String PRODUCT_ID = "-//Rapport//Reminders//EN";
    private static final Duration TIMED_LENGTH = Duration.ofMinutes(15);
    private static final Duration REFRESH = Duration.ofHours(1);
    private static final int MAX_LINE_OCTETS = 75;
    private static final String END_OF_CALENDAR = "END:VCALENDAR";
    private static final byte[] FOLD = {'\r', '\n', ' '};
    /** A first guess of the feed's size, so that its buffer seldom grows: an event takes about 300. */
    private static final int OCTETS_PER_EVENT = 400;

    private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();
    /** By ZoneId.getId(); empty when ical4j has no usable VTIMEZONE for the zone. */
    private static final Map<String, Optional<VTimeZone>> VTIMEZONES = new ConcurrentHashMap<>();

    /**
     * @param calendarName shown as the calendar's name (X-WR-CALNAME)
     * @param entries      UIDs must be distinct
     * @param stamp        when the feed was generated, written as every event's DTSTAMP; pass the time of the
     *                     latest change rather than "now" to keep the output, and so the ETag, stable
     * @return the feed in UTF-8 ({@code text/calendar; charset=utf-8}): CRLF line ends, lines folded at 75 octets
     */
    public byte[] write(String calendarName, List<FeedEntry> entries, Instant stamp) {
        // What CalendarOutputter writes, less its validation (which only logs) and its FoldingWriter: see fold(). Not
        // Calendar.toString() either: that is the calendar's properties and time zones with every event's text joined
        // in between, one string of the whole feed grown copy by copy (1.5 MB for 5,000 events), then folded and
        // encoded into more whole copies; the garbage collector spent almost as long on them as the writing took.
        // Here each event's text goes straight into the bytes.
        var sorted = sortedByUid(entries);
        Objects.requireNonNull(stamp, "stamp");
        var shell = new Calendar(properties(calendarName), new ComponentList<>(zones(sorted))).toString();
        int end = shell.lastIndexOf(END_OF_CALENDAR);
        var out = new FoldedUtf8(shell.length() + sorted.size() * OCTETS_PER_EVENT);
        out.append(shell.substring(0, end));
        // Building and writing the events is most of the time a feed takes, and each event is its own: done on the
        // common pool's threads as well as this one, in order.
        for (var text : sorted.parallelStream().map(entry -> event(entry, stamp).toString()).toList()) {
            out.append(text);
        }
        out.append(shell.substring(end));
        return out.toByteArray();
    }

    /** The calendar {@link #write} writes, as one ical4j object. */
    Calendar calendar(String calendarName, List<FeedEntry> entries, Instant stamp) {
        var sorted = sortedByUid(entries);
        Objects.requireNonNull(stamp, "stamp");
        var components = new ArrayList<CalendarComponent>(zones(sorted));
        sorted.forEach(entry -> components.add(event(entry, stamp)));
        return new Calendar(properties(calendarName), new ComponentList<>(components));
    }

    private static List<FeedEntry> sortedByUid(List<FeedEntry> entries) {
        Objects.requireNonNull(entries, "entries");
        var sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(FeedEntry::uid));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).uid().equals(sorted.get(i - 1).uid())) {
                throw new IllegalArgumentException("duplicate uid: " + sorted.get(i).uid());
            }
        }
        return sorted;
    }

    private static PropertyList properties(String calendarName) {
        Objects.requireNonNull(calendarName, "calendarName");
        return new PropertyList(List.of(
                new ProdId(PRODUCT_ID),
                ImmutableVersion.VERSION_2_0,
                ImmutableCalScale.GREGORIAN,
                ImmutableMethod.PUBLISH,
                new XProperty("X-WR-CALNAME", calendarName),
                // How often to poll: RFC 7986's property and the older one Outlook reads. Google Calendar polls on its
                // own schedule whatever they say.
                new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH),
                new XProperty("X-PUBLISHED-TTL", REFRESH.toString())));
    }

    /** The VTIMEZONE of each zone a timed entry is written in, one per TZID, by TZID. */
    private static List<VTimeZone> zones(List<FeedEntry> entries) {
        var used = new TreeMap<String, VTimeZone>();
        for (var entry : entries) {
            if (!entry.allDay()) {
                vTimeZone(entry.zone()).ifPresent(zone -> used.putIfAbsent(zone.getTimeZoneId().getValue(), zone));
            }
        }
        return new ArrayList<>(used.values());
    }

    private static VEvent event(FeedEntry entry, Instant stamp) {
        var properties = new ArrayList<Property>(12);
        properties.add(new Uid(entry.uid()));
        properties.add(new DtStamp(stamp));
        LocalDate startDate;
        if (entry.allDay()) {
            properties.add(new DtStart<>(entry.date()));
            // DTEND is optional for an all-day event (one day is implied) but Outlook wants it; on 9999-12-31 it would
            // name year 10000, which iCalendar cannot write.
            if (entry.date().isBefore(Every.LAST_DAY)) {
                properties.add(new DtEnd<>(entry.date().plusDays(1)));
            }
            startDate = entry.date();
        } else {
            var start = LocalDateTime.of(entry.date(), entry.time());
            var vTimeZone = vTimeZone(entry.zone());
            if (vTimeZone.isPresent()) {
                var tzid = vTimeZone.get().getTimeZoneId().getValue();
                var inZone = new ParameterList(List.of(new TzId(tzid)));
                properties.add(zoned(new DtStart<>(inZone, start)));
                properties.add(zoned(new DtEnd<>(inZone, start.plus(TIMED_LENGTH))));
                startDate = entry.date();
            } else {
                var utc = start.atZone(entry.zone()).toInstant();
                properties.add(new DtStart<>(utc));
                properties.add(new DtEnd<>(utc.plus(TIMED_LENGTH)));
                startDate = LocalDate.ofInstant(utc, ZoneOffset.UTC);
            }
        }
        if (entry.yearly()) {
            properties.add(new RRule<>(yearly(startDate)));
        }
        properties.add(new Summary(entry.summary()));
        if (entry.description() != null) {
            properties.add(new Description(entry.description()));
        }
        if (!entry.categories().isEmpty()) {
            properties.add(new Categories(new TextList(entry.categories())));
        }
        // A reminder does not make anyone busy.
        properties.add(ImmutableTransp.TRANSPARENT);
        properties.add(new LastModified(entry.lastModified()));

        if (entry.alarmDaysBefore() == null) {
            return new VEvent(new PropertyList(properties));
        }
        var alarm = new VAlarm(new PropertyList(List.of(
                ImmutableAction.DISPLAY,
                new Trigger(alarmOffset(entry.alarmDaysBefore())),
                new Description(entry.summary()))));
        return new VEvent(new PropertyList(properties), new ComponentList<>(List.of(alarm)));
    }

    /**
     * Resolves the TZID in the registry the zone was registered in, as CalendarBuilder does for the dates it reads.
     * Without one ical4j looks the id up among all the zones it knows for every date it writes, which doubled the
     * time a timed event took. The local time written is the same either way.
     */
    private static <T extends DateProperty<?>> T zoned(T date) {
        date.setTimeZoneRegistry(ZONES);
        return date;
    }

    /**
     * FREQ=YEARLY, except from 29 February: a plain yearly rule there has no occurrence in non-leap years (RFC 5545
     * skips invalid dates), so the rule names the last day of February instead: 28 February, 29 in leap years.
     */
    private static Recur<Temporal> yearly(LocalDate start) {
        var rule = new Recur.Builder<Temporal>().frequency(Frequency.YEARLY);
        if (start.getMonth() == java.time.Month.FEBRUARY && start.getDayOfMonth() == 29) {
            rule.monthList(Month.valueOf(2)).monthDayList(-1);
        }
        return rule.build();
    }

    /**
     * TRIGGER relative to the start: -P{n}D, and PT0S at the start itself. A Duration, not a Period: ical4j writes
     * Period.ofDays(-7) as -P1W, valid but not the plain day count.
     */
    private static TemporalAmount alarmOffset(int daysBefore) {
        return Duration.ofDays(-daysBefore);
    }

    /**
     * ical4j's bundled definition of the zone, when there is a real one: at least one STANDARD/DAYLIGHT, each with
     * its DTSTART and offsets. UTC (and its aliases) is written as Z times instead.
     */
    private static Optional<VTimeZone> vTimeZone(ZoneId zone) {
        return VTIMEZONES.computeIfAbsent(zone.getId(), id -> {
            var rules = zone.getRules();
            if (rules.isFixedOffset() && rules.getOffset(Instant.EPOCH).equals(ZoneOffset.UTC)) {
                return Optional.empty();
            }
            var timeZone = ZONES.getTimeZone(id);
            if (timeZone == null) {
                return Optional.empty();
            }
            var vTimeZone = timeZone.getVTimeZone();
            if (!isComplete(vTimeZone)) {
                return Optional.empty();
            }
            ZONES.register(timeZone);
            return Optional.of(vTimeZone);
        });
    }

    private static boolean isComplete(VTimeZone vTimeZone) {
        var tzid = vTimeZone.getProperty(Property.TZID);
        var observances = vTimeZone.getObservances();
        return tzid.isPresent() && !observances.isEmpty()
                && observances.stream().allMatch(FeedWriter::isComplete);
    }

    private static boolean isComplete(Observance observance) {
        return (Observance.STANDARD.equals(observance.getName()) || Observance.DAYLIGHT.equals(observance.getName()))
                && observance.getProperty(Property.DTSTART).isPresent()
                && observance.getProperty(Property.TZOFFSETFROM).isPresent()
                && observance.getProperty(Property.TZOFFSETTO).isPresent();
    }

    /**
     * Folds ical4j's content lines (CRLF-terminated, unfolded) at 75 octets of UTF-8 as RFC 5545 section 3.1 asks,
     * never inside a character. Not ical4j's FoldingWriter: it counts UTF-16 chars, not octets (a SUMMARY of ten
     * "Zoë Ñúñez 山田" came out in lines of 113 octets), and it asks its logger whether TRACE is on for every char it
     * writes (with the JBoss log manager binding of this module's tests, three quarters of a 5,000-event feed's time).
     */
    static byte[] fold(String unfolded) {
        var out = new FoldedUtf8(unfolded.length());
        out.append(unfolded);
        return out.toByteArray();
    }

    /** Content lines in, UTF-8 out, folded as {@link #fold} says: each string encoded once, copied in runs. */
    private static final class FoldedUtf8 {

        private byte[] buffer;
        private int size;
        private int octets;

        FoldedUtf8(int expectedOctets) {
            buffer = new byte[Math.max(expectedOctets, 64)];
        }

        void append(String unfolded) {
            byte[] utf8 = unfolded.getBytes(StandardCharsets.UTF_8);
            int run = 0;
            for (int i = 0; i < utf8.length; i++) {
                int b = utf8[i] & 0xFF;
                if (b == '\r' || b == '\n') {
                    octets = 0;
                } else if ((b & 0xC0) != 0x80) {
                    // A character's octets are counted on its first, so that no fold comes inside it.
                    int width = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
                    if (octets + width > MAX_LINE_OCTETS) {
                        copy(utf8, run, i);
                        copy(FOLD, 0, FOLD.length);
                        run = i;
                        octets = 1;
                    }
                    octets += width;
                }
            }
            copy(utf8, run, utf8.length);
        }

        private void copy(byte[] from, int start, int end) {
            int length = end - start;
            if (size + length > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + length));
            }
            System.arraycopy(from, start, buffer, size, length);
            size += length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }
    }
}
