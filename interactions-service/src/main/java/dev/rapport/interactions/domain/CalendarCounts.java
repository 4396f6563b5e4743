package dev.rapport.interactions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * What one import or poll did. {@code occurrences} are the meetings read within the window (series expanded); each
 * ends as created, updated, unchanged, removed (cancelled) or skipped. Stored as columns of the job or source.
 */
@Embeddable
public record CalendarCounts(@Column(name = "events_read", nullable = false) int eventsRead,
                             @Column(nullable = false) int occurrences,
                             @Column(name = "outside_window", nullable = false) int outsideWindow,
                             @Column(nullable = false) int created,
                             @Column(nullable = false) int updated,
                             @Column(nullable = false) int unchanged,
                             @Column(nullable = false) int removed,
                             @Column(nullable = false) int skipped) {

    public static final CalendarCounts NONE = new CalendarCounts(0, 0, 0, 0, 0, 0, 0, 0);
}
