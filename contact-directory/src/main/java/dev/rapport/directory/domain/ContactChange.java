package dev.rapport.directory.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What a contact event changed about who a contact is, announced (as a synchronous CDI event, in the consumer's
 * transaction, after the projection changed) to the service's own rows that name contacts: an interaction's
 * participants, a reminder's contact. Observers run in the same transaction, so their effect commits with the
 * projection's and the inbox record, or not at all.
 */
public sealed interface ContactChange {

    /**
     * These contacts' state changed (their name, tags, birthday, visibility...), or they came back from a backup:
     * one announcement for the changes of a batch of events in a row.
     */
    record Changed(Set<UUID> contactIds) implements ContactChange {
    }

    /** The contact was erased: forget it. */
    record Erased(UUID contactId) implements ContactChange {
    }

    /** The absorbed contacts are the survivor now. */
    record Merged(UUID survivorId, List<UUID> absorbedIds) implements ContactChange {
    }

    /** An undone merge: the restored contacts are themselves again, apart from the survivor. */
    record Unmerged(UUID survivorId, List<UUID> restoredIds) implements ContactChange {
    }
}
