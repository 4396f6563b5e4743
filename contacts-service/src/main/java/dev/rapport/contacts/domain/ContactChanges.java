package dev.rapport.contacts.domain;

import java.util.List;

/** What an update changed: the field names, and the dated history entries it produced. */
public record ContactChanges(List<String> fields, List<HistoryEntry> history) {

    public boolean none() {
        return fields.isEmpty();
    }

    public boolean includes(HistoryKind kind) {
        return history.stream().anyMatch(entry -> entry.kind() == kind);
    }
}
