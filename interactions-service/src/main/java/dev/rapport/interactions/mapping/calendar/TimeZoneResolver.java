package dev.rapport.interactions.mapping.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import net.fortuna.ical4j.model.TimeZoneRegistry;

/**
 * Turns a TZID as calendar programs write it into an IANA zone. The file's own VTIMEZONE is deliberately not used
 * for the arithmetic: exporters copy stale or simplified rules into it, while the JDK's tz database is current, and
 * callers want an IANA id to store anyway.
 */
final class TimeZoneResolver {

    private static final Map<String, String> WINDOWS_ZONES = loadWindowsZones();

    private final Map<String, Optional<ZoneId>> resolved = new ConcurrentHashMap<>();

    Optional<ZoneId> resolve(String tzid) {
        return resolved.computeIfAbsent(tzid, TimeZoneResolver::lookUp);
    }

    private static Optional<ZoneId> lookUp(String raw) {
        // Some writers keep the quotes of TZID="W. Europe Standard Time" in the value.
        var tzid = raw.strip().replace("\"", "");
        if (tzid.isEmpty()) {
            return Optional.empty();
        }
        var zone = iana(tzid);
        if (zone.isPresent()) {
            return zone;
        }
        var windows = WINDOWS_ZONES.get(tzid.toLowerCase(Locale.ROOT));
        if (windows != null) {
            return iana(windows);
        }
        // ical4j's aliases cover Outlook's display names, e.g. "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, ...".
        var alias = TimeZoneRegistry.ZONE_ALIASES.get(tzid);
        if (alias != null) {
            return iana(alias);
        }
        // Mozilla and some CalDAV servers prefix the IANA id: "/mozilla.org/20070129_1/Europe/Berlin".
        var parts = tzid.split("/");
        for (int keep = Math.min(3, parts.length - 1); keep >= 2; keep--) {
            var suffix = String.join("/", java.util.Arrays.copyOfRange(parts, parts.length - keep, parts.length));
            zone = iana(suffix);
            if (zone.isPresent()) {
                return zone;
            }
        }
        return Optional.empty();
    }

    private static Optional<ZoneId> iana(String id) {
        // Only region ids: "EST" or "+01:00" are not what a TZID names, and ZoneId would accept offsets.
        if (id.indexOf('/') < 0 && !id.equals("UTC") && !id.equals("GMT")) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> loadWindowsZones() {
        var properties = new Properties();
        try (InputStream in = TimeZoneResolver.class.getResourceAsStream("/calendar/windows-zones.properties")) {
            if (in == null) {
                throw new IllegalStateException("calendar/windows-zones.properties is missing from the classpath");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var zones = new HashMap<String, String>();
        properties.forEach((name, zone) -> zones.put(((String) name).toLowerCase(Locale.ROOT), (String) zone));
        return Map.copyOf(zones);
    }

    static Map<String, String> windowsZones() {
        return WINDOWS_ZONES;
    }
}
