package dev.rapport.contacts.mapping.imports;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A CSV row by its header names that remembers which columns were read, so the others can be reported. */
final class CsvRow {
    private final Map<String, String> values;
    private final Set<String> read = new HashSet<>();

    CsvRow(Map<String, String> values) {
        this.values = values;
    }

    /** The column's value, blank as null. */
    String get(String column) {
        read.add(column);
        return DraftBuilder.blank(values.get(column));
    }

    /** The first of the columns with a value (every one of them counts as read). */
    String first(String... columns) {
        String found = null;
        for (String column : columns) {
            String value = get(column);
            found = found == null ? value : found;
        }
        return found;
    }

    /** Columns with a value that nothing read, in file order. */
    List<Map.Entry<String, String>> unread() {
        return values.entrySet().stream()
                .filter(e -> !read.contains(e.getKey()) && DraftBuilder.blank(e.getValue()) != null).toList();
    }
}
