package dev.rapport.contacts.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A merge in a line: the contacts it absorbed into the survivor, by whom and when. */
public record MergeSummary(UUID mergeId, UUID survivorId, List<UUID> absorbedIds, String mergedBy, Instant mergedAt) {

    public MergeSummary {
        absorbedIds = List.copyOf(absorbedIds);
    }
}
