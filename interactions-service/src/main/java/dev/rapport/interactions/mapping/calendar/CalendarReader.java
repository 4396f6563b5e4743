package dev.rapport.interactions.mapping.calendar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.CalendarParserFactory;
import net.fortuna.ical4j.data.ContentHandlerContext;
import net.fortuna.ical4j.data.DefaultComponentFactorySupplier;
import net.fortuna.ical4j.data.DefaultParameterFactorySupplier;
import net.fortuna.ical4j.data.DefaultPropertyFactorySupplier;
import net.fortuna.ical4j.model.ComponentFactory;
import net.fortuna.ical4j.model.ParameterFactory;
import net.fortuna.ical4j.model.PropertyFactory;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DateListProperty;
import net.fortuna.ical4j.model.property.DateProperty;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.util.CompatibilityHints;

import dev.rapport.interactions.mapping.calendar.SkippedEntry.Reason;

/**
 * Reads an iCalendar export (Google Calendar, Outlook, Apple Calendar, ...) into the meetings it holds within a
 * window, series expanded. ical4j does the parsing and the rule arithmetic; this class decides which occurrences
 * exist (rule instances minus EXDATEs, replaced by overrides) and which zone each time belongs to.
 *
 * <p>Time zones: a TZID is resolved to an IANA zone (IANA ids, Windows names via CLDR, Outlook display names,
 * prefixed ids such as {@code /mozilla.org/.../Europe/Berlin}). An event whose TZID resolves to none of these is
 * skipped with {@link Reason#UNKNOWN_TIME_ZONE}: guessing UTC would put it hours off and a wrong time is worse than a
 * visible gap. Floating times and all-day dates are placed in {@link ReadWindow#floatingZone()}.
 *
 * <p>Thread-safe; a read holds its state on the stack.
 */
public final class CalendarReader {

    static {
        // Real exports are sloppy: folding mid-character, stray quotes, vendor quirks. These hints are global to
        // ical4j; ical4j.properties sets them too, this makes them hold however the class path is laid out.
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_PARSING, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_UNFOLDING, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_RELAXED_VALIDATION, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_OUTLOOK_COMPATIBILITY, true);
        CompatibilityHints.setHintEnabled(CompatibilityHints.KEY_NOTES_COMPATIBILITY, true);
    }

    /**
     * ical4j's default builder asks its suppliers for new factory lists at every property and parameter (sixty-odd
     * objects each time, a fifth of a large import's parse); the factories hold no state, so one list serves all.
     */
    private static final ContentHandlerContext FACTORIES = factories();

    private final TimeZoneResolver zones = new TimeZoneResolver();

    private static ContentHandlerContext factories() {
        List<ParameterFactory<?>> parameters = new DefaultParameterFactorySupplier().get();
        List<PropertyFactory<?>> properties = new DefaultPropertyFactorySupplier().get();
        List<ComponentFactory<?>> components = new DefaultComponentFactorySupplier().get();
        return new ContentHandlerContext().withParameterFactorySupplier(() -> parameters)
                .withPropertyFactorySupplier(() -> properties).withComponentFactorySupplier(() -> components);
    }

    public CalendarContents read(byte[] ics, ReadWindow window) throws InvalidCalendarFile {
        return read(new ByteArrayInputStream(ics), window);
    }

    /** Reads the stream to its end; the caller closes it. */
    public CalendarContents read(InputStream ics, ReadWindow window) throws InvalidCalendarFile {
        var calendar = parse(ics);
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        return new Read(window).all(events);
    }

    private static Calendar parse(InputStream ics) throws InvalidCalendarFile {
        try {
            // Buffered: ical4j's unfolding reader takes one character at a time.
            return new CalendarBuilder(CalendarParserFactory.getInstance().get(), FACTORIES,
                    TimeZoneRegistryFactory.getInstance().createRegistry())
                    .build(new BufferedReader(new InputStreamReader(ics, StandardCharsets.UTF_8)));
        } catch (ParserException e) {
            throw new InvalidCalendarFile("The file is not a readable iCalendar (.ics) file", e.getLineNo(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // ical4j reports some malformed values (dates, parameters) as unchecked exceptions from inside the build.
            throw new InvalidCalendarFile("The file is not a readable iCalendar (.ics) file", 0, e);
        }
    }

    /** A DATE (all-day) or a DATE-TIME placed in the zone it was written in. */
    private record When(Temporal value, ZoneId zone) {

        boolean allDay() {
            return value instanceof LocalDate;
        }

        Instant instant() {
            return value instanceof LocalDate date ? date.atStartOfDay(zone).toInstant() : Instant.from(value);
        }

        /** Identifies an occurrence by its original start, comparable across TZIDs: a date, or a UTC instant. */
        String key() {
            return allDay() ? value.toString() : instant().toString();
        }

        String zoneName() {
            return zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
        }
    }

    /** An event the reader cannot use, with the reason to report. */
    private static final class Unusable extends Exception {
        private static final long serialVersionUID = 1L;
        final Reason reason;

        Unusable(Reason reason, String detail) {
            super(detail, null, false, false);
            this.reason = reason;
        }
    }

    /** One read's state. */
    private final class Read {
        private final ReadWindow window;
        private final List<CalendarOccurrence> occurrences = new ArrayList<>();
        private final List<SkippedEntry> skipped = new ArrayList<>();
        private int outsideWindow;

        Read(ReadWindow window) {
            this.window = window;
        }

        CalendarContents all(List<VEvent> events) {
            var masters = new LinkedHashMap<String, VEvent>();
            var overrides = new LinkedHashMap<String, List<VEvent>>();
            for (var event : events) {
                var uid = text(event, Property.UID);
                if (uid == null) {
                    skip(event, null, Reason.NO_UID, "The event has no UID");
                } else if (event.getProperty(Property.RECURRENCE_ID).isPresent()) {
                    overrides.computeIfAbsent(uid, u -> new ArrayList<>()).add(event);
                } else if (masters.putIfAbsent(uid, event) != null) {
                    skip(event, uid, Reason.DUPLICATE_UID, "Another event in the file has the same UID");
                }
            }
            masters.forEach((uid, master) -> series(uid, master, overrides.getOrDefault(uid, List.of())));
            // Overrides of a series the file does not hold (a shared calendar can export only the changed ones).
            overrides.forEach((uid, list) -> {
                if (!masters.containsKey(uid)) {
                    list.forEach(override -> override(uid, null, override));
                }
            });
            occurrences.sort(Comparator.comparing(CalendarOccurrence::start)
                    .thenComparing(CalendarOccurrence::uid).thenComparing(CalendarOccurrence::occurrenceKey));
            return new CalendarContents(occurrences, skipped, events.size(), outsideWindow);
        }

        private void series(String uid, VEvent master, List<VEvent> overrides) {
            try {
                var start = start(master);
                Optional<RRule<?>> rule = master.getProperty(Property.RRULE);
                var extraDates = dates(master, Property.RDATE, start.zone());
                if (rule.isEmpty() && extraDates.isEmpty()) {
                    if (overrides.isEmpty()) {
                        single(uid, master, start);
                        return;
                    }
                }
                var replaced = new HashSet<String>();
                for (var override : overrides) {
                    override(uid, master, override).ifPresent(replaced::add);
                }
                var excluded = new HashSet<String>();
                for (var exdate : dates(master, Property.EXDATE, start.zone())) {
                    excluded.add(exdate.key());
                }
                var instances = new ArrayList<When>();
                if (rule.isPresent()) {
                    instances.addAll(expand(rule.get(), start));
                } else if (window.contains(start.instant())) {
                    instances.add(start);
                }
                extraDates.stream().filter(d -> window.contains(d.instant())).forEach(instances::add);
                var seen = new HashSet<String>();
                for (var instance : instances) {
                    var key = instance.key();
                    if (!excluded.contains(key) && !replaced.contains(key) && seen.add(key)) {
                        occurrences.add(occurrence(uid, key, master, instance, end(master, start, instance), false));
                    }
                }
            } catch (Unusable e) {
                skip(master, uid, e.reason, e.getMessage());
            }
        }

        private void single(String uid, VEvent event, When start) throws Unusable {
            if (!window.contains(start.instant())) {
                outsideWindow++;
                return;
            }
            occurrences.add(occurrence(uid, CalendarOccurrence.SINGLE, event, start, end(event, start, start), false));
        }

        /** Adds a moved or cancelled occurrence and returns the key of the instance it replaces. */
        private Optional<String> override(String uid, VEvent master, VEvent override) {
            try {
                DateProperty<?> recurrenceId = override.<DateProperty<?>>getProperty(Property.RECURRENCE_ID)
                        .orElseThrow();
                var original = when(recurrenceId, Reason.UNREADABLE_RECURRENCE);
                var key = original.key();
                var start = override.getProperty(Property.DTSTART).isPresent() ? start(override) : original;
                if (!window.contains(start.instant())) {
                    outsideWindow++;
                } else {
                    var seriesCancelled = master != null && cancelled(master);
                    occurrences.add(occurrence(uid, key, override, start, end(override, start, start),
                            seriesCancelled));
                }
                return Optional.of(key);
            } catch (Unusable e) {
                skip(override, uid, e.reason, e.getMessage());
                return Optional.empty();
            }
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private List<When> expand(RRule<?> rule, When start) throws Unusable {
            Recur recur;
            try {
                recur = rule.getRecur();
            } catch (RuntimeException e) {
                throw new Unusable(Reason.UNREADABLE_RECURRENCE, "The recurrence rule cannot be read");
            }
            // A day's margin on both sides: rule periods and the window disagree at the edges otherwise, and the
            // exact filter below is what decides.
            Temporal from;
            Temporal to;
            if (start.allDay()) {
                from = LocalDate.ofInstant(window.from(), start.zone()).minusDays(1);
                to = LocalDate.ofInstant(window.to(), start.zone()).plusDays(1);
            } else {
                from = window.from().atZone(start.zone()).minusDays(1);
                to = window.to().atZone(start.zone()).plusDays(1);
            }
            List<Temporal> dates;
            try {
                dates = recur.getDates(start.value(), from, to);
            } catch (RuntimeException e) {
                throw new Unusable(Reason.UNREADABLE_RECURRENCE, "The recurrence rule cannot be expanded");
            }
            var instances = new ArrayList<When>(dates.size());
            for (var date : dates) {
                var instance = new When(start.allDay() ? LocalDate.from(date)
                        : ZonedDateTime.of(LocalDateTime.from(date), start.zone()), start.zone());
                if (window.contains(instance.instant())) {
                    instances.add(instance);
                }
            }
            return instances;
        }

        private When start(VEvent event) throws Unusable {
            DateProperty<?> start = event.<DateProperty<?>>getProperty(Property.DTSTART)
                    .orElseThrow(() -> new Unusable(Reason.NO_START, "The event has no start (DTSTART)"));
            return when(start, Reason.UNREADABLE_START);
        }

        /** The end of an instance: the event's own DTEND or DURATION, kept as long as the series' first one. */
        private Instant end(VEvent event, When seriesStart, When instance) throws Unusable {
            Optional<DateProperty<?>> dtEnd = event.getProperty(Property.DTEND);
            if (dtEnd.isPresent()) {
                var end = when(dtEnd.get(), Reason.UNREADABLE_START);
                if (seriesStart.allDay() && end.allDay()) {
                    var days = ChronoUnit.DAYS.between((LocalDate) seriesStart.value(), (LocalDate) end.value());
                    return ((LocalDate) instance.value()).plusDays(days).atStartOfDay(instance.zone()).toInstant();
                }
                return instance.instant().plus(java.time.Duration.between(seriesStart.instant(), end.instant()));
            }
            Optional<net.fortuna.ical4j.model.property.Duration> duration = event.getProperty(Property.DURATION);
            if (duration.isPresent()) {
                TemporalAmount amount = duration.get().getDuration();
                var value = instance.allDay() ? ((LocalDate) instance.value()).atStartOfDay(instance.zone())
                        : (ZonedDateTime) instance.value();
                return value.plus(amount).toInstant();
            }
            return null;
        }

        private When when(DateProperty<?> property, Reason unreadable) throws Unusable {
            Temporal value;
            try {
                value = property.getDate();
            } catch (DateTimeException e) {
                value = null;
            }
            if (value == null) {
                throw new Unusable(unreadable, property.getName() + " has no readable date: " + property.getValue());
            }
            return place(value, property.getParameter(Parameter.TZID));
        }

        private When place(Temporal value, Optional<TzId> tzid) throws Unusable {
            if (value instanceof LocalDate date) {
                return new When(date, window.floatingZone());
            }
            if (value instanceof OffsetDateTime || value instanceof Instant) {
                // A "Z" time is an instant whatever TZID a sloppy writer put beside it.
                return new When(ZonedDateTime.ofInstant(Instant.from(value), ZoneOffset.UTC), ZoneOffset.UTC);
            }
            if (tzid.isPresent()) {
                var zone = zones.resolve(tzid.get().getValue()).orElseThrow(() -> new Unusable(
                        Reason.UNKNOWN_TIME_ZONE, "Unknown time zone (TZID) " + tzid.get().getValue()));
                // ical4j placed the value in its own reading of the TZID (or none): keep the wall time, use ours.
                return new When(ZonedDateTime.of(LocalDateTime.from(value), zone), zone);
            }
            if (value instanceof ZonedDateTime zoned) {
                return new When(zoned, zoned.getZone());
            }
            var floating = window.floatingZone();
            return new When(ZonedDateTime.of(LocalDateTime.from(value), floating), floating);
        }

        private List<When> dates(VEvent event, String name, ZoneId seriesZone) throws Unusable {
            var result = new ArrayList<When>();
            for (var property : event.<DateListProperty<?>>getProperties(name)) {
                List<? extends Temporal> values;
                try {
                    values = property.getDates();
                } catch (RuntimeException e) {
                    throw new Unusable(Reason.UNREADABLE_RECURRENCE, name + " cannot be read: " + property.getValue());
                }
                Optional<TzId> tzid = property.getParameter(Parameter.TZID);
                for (var value : values) {
                    result.add(place(value, tzid));
                }
            }
            return result;
        }

        private CalendarOccurrence occurrence(String uid, String key, VEvent event, When start, Instant end,
                                              boolean seriesCancelled) {
            var organizer = event.<Organizer>getProperty(Property.ORGANIZER)
                    .map(o -> email(o.getCalAddress())).orElse(null);
            var attendees = new LinkedHashSet<String>();
            for (var attendee : event.<Attendee>getProperties(Property.ATTENDEE)) {
                if (room(attendee)) {
                    continue;
                }
                var email = email(attendee.getCalAddress());
                if (email != null && !email.equals(organizer)) {
                    attendees.add(email);
                }
            }
            return new CalendarOccurrence(
                    uid,
                    key,
                    start.instant(),
                    end,
                    start.allDay(),
                    start.allDay() ? (LocalDate) start.value() : null,
                    start.zoneName(),
                    text(event, Property.SUMMARY),
                    text(event, Property.DESCRIPTION),
                    text(event, Property.LOCATION),
                    organizer,
                    List.copyOf(attendees),
                    seriesCancelled || cancelled(event),
                    event.<Sequence>getProperty(Property.SEQUENCE).map(Sequence::getSequenceNo).orElse(0),
                    lastModified(event));
        }

        private void skip(VEvent event, String uid, Reason reason, String detail) {
            skipped.add(new SkippedEntry(uid, text(event, Property.SUMMARY), reason, detail));
        }
    }

    private static boolean cancelled(VEvent event) {
        return "CANCELLED".equalsIgnoreCase(text(event, Property.STATUS));
    }

    private static Instant lastModified(VEvent event) {
        try {
            return event.<LastModified>getProperty(Property.LAST_MODIFIED).map(LastModified::getDate).orElse(null);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String text(Component component, String name) {
        return component.getProperty(name).map(Property::getValue).map(String::strip)
                .filter(value -> !value.isEmpty()).orElse(null);
    }

    /** Rooms and equipment are invited like people (Google: {@code CUTYPE=RESOURCE}) but are nobody's contact. */
    private static boolean room(Attendee attendee) {
        return attendee.getParameter(Parameter.CUTYPE).map(Parameter::getValue)
                .filter(type -> type.equalsIgnoreCase("ROOM") || type.equalsIgnoreCase("RESOURCE")).isPresent();
    }

    private static String email(URI address) {
        if (address == null || !"mailto".equalsIgnoreCase(address.getScheme())) {
            return null;
        }
        var email = address.getSchemeSpecificPart();
        if (email == null || email.isBlank() || email.indexOf('@') < 0) {
            return null;
        }
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
