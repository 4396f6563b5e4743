package dev.rapport.contacts;

import dev.rapport.contacts.domain.ContactMergeRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MergeRecordTest {

    private static final Instant MERGED = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration WINDOW = Duration.ofDays(30);

    private static ContactMergeRecord merge(Instant undoneAt) {
        return new ContactMergeRecord(UUID.randomUUID(), UUID.randomUUID(), null, 1, List.of(), "user", MERGED, undoneAt, List.of());
    }

    @Test
    void aMergeCanBeUndoneUntilTheEndOfItsWindowAndNotAfter() {
        assertTrue(merge(null).undoableAt(MERGED.plus(WINDOW), WINDOW));
        assertFalse(merge(null).undoableAt(MERGED.plus(WINDOW).plusSeconds(1), WINDOW));
    }

    @Test
    void anUndoneMergeCannotBeUndoneAgain() {
        assertFalse(merge(MERGED.plusSeconds(60)).undoableAt(MERGED.plusSeconds(120), WINDOW));
    }
}
