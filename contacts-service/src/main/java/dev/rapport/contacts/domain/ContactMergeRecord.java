package dev.rapport.contacts.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One merge: who survived and what it looked like before, what the merge wrote, and each absorbed contact as
 * it was, with what moved from it to the survivor.
 */
public record ContactMergeRecord(UUID id, UUID survivorId, ContactDetails survivorBefore, long survivorVersion,
                                 List<UUID> createdHistory, String mergedBy, Instant mergedAt, Instant undoneAt,
                                 List<Absorbed> absorbed) {

    /** An absorbed contact and the history entries and import sources that moved from it to the survivor. */
    public record Absorbed(ContactSnapshot snapshot, Moved moved) {
    }

    public record Moved(List<UUID> history, List<SourceKey> sources) {
    }

    public record SourceKey(String source, String sourceId) {
    }

    public boolean undoableAt(Instant now, Duration window) {
        return undoneAt == null && !mergedAt.plus(window).isBefore(now);
    }
}
