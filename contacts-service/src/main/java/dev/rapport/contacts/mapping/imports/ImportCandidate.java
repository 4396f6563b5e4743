package dev.rapport.contacts.mapping.imports;

import dev.rapport.contacts.rest.ContactInput;

/**
 * One row of an imported file read as contact input, with the id its source gives it (vCard UID, LinkedIn
 * URL, ...; null when it has none), or the reason it could not be read.
 */
public record ImportCandidate(int rowNumber, String sourceId, ContactInput input, String unreadable) {

    public static ImportCandidate of(int rowNumber, String sourceId, ContactInput input) {
        return new ImportCandidate(rowNumber, sourceId == null || sourceId.isBlank() ? null : sourceId.strip(), input, null);
    }

    public static ImportCandidate unreadable(int rowNumber, String reason) {
        return new ImportCandidate(rowNumber, null, null, reason);
    }
}
