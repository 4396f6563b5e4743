package dev.rapport.interactions.mapping.calendar;

import java.util.List;

/**
 * What a read found. Every VEVENT ends up somewhere: as occurrences, in {@code skipped}, or counted in
 * {@code outsideWindow}.
 *
 * @param eventsRead    VEVENT components in the file (a series with overrides counts each override)
 * @param outsideWindow single events and moved/overridden occurrences whose start lies outside the window; the
 *                      occurrences a rule would produce outside the window are not counted (a rule can be endless)
 */
public record CalendarContents(
        List<CalendarOccurrence> occurrences,
        List<SkippedEntry> skipped,
        int eventsRead,
        int outsideWindow) {

    public CalendarContents {
        occurrences = List.copyOf(occurrences);
        skipped = List.copyOf(skipped);
    }
}
