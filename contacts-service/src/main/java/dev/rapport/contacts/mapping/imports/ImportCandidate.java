package dev.rapport.contacts.mapping.imports;

import dev.rapport.contacts.domain.ContactDraft;

import java.util.List;

/**
 * One row of an imported file read as a contact draft, with the id its source gives it (vCard UID, LinkedIn
 * URL, ...; null when it has none), or the reason it could not be read. {@code regionHints} are the regions the
 * row itself points to (its addresses' countries), for reading its national phone numbers; {@code warnings}
 * say what of the row its reader could not place.
 */
public record ImportCandidate(int rowNumber, String sourceId, ContactDraft draft, List<String> regionHints,
                              List<String> warnings, String unreadable) {

    public ImportCandidate {
        regionHints = List.copyOf(regionHints);
        warnings = List.copyOf(warnings);
    }

    public static ImportCandidate of(int rowNumber, String sourceId, ContactDraft draft) {
        return of(rowNumber, sourceId, draft, List.of(), List.of());
    }

    public static ImportCandidate of(int rowNumber, String sourceId, ContactDraft draft, List<String> regionHints,
                                     List<String> warnings) {
        return new ImportCandidate(rowNumber, sourceId == null || sourceId.isBlank() ? null : sourceId.strip(), draft,
                regionHints, warnings, null);
    }

    /** The same row with one more thing to say about it (nothing to say about a row that cannot be read). */
    ImportCandidate withWarning(String warning) {
        if (draft == null) {
            return this;
        }
        List<String> more = new java.util.ArrayList<>(warnings);
        more.add(warning);
        return new ImportCandidate(rowNumber, sourceId, draft, regionHints, more, unreadable);
    }

    public static ImportCandidate unreadable(int rowNumber, String reason) {
        return new ImportCandidate(rowNumber, null, null, List.of(), List.of(), reason);
    }
}
