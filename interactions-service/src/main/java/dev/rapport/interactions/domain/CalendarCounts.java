package dev.rapport.interactions.domain;

/**
 * What one import or poll did. {@code occurrences} are the meetings read within the window (series expanded); each
 * ends as created, updated, unchanged, removed (cancelled) or skipped.
 */
public record CalendarCounts(int eventsRead, int occurrences, int outsideWindow, int created, int updated,
                             int unchanged, int removed, int skipped) {

    public static final CalendarCounts NONE = new CalendarCounts(0, 0, 0, 0, 0, 0, 0, 0);
}
