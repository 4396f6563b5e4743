package dev.rapport.reminders.rest;

import dev.rapport.kit.problem.FieldError;

import java.util.List;
import java.util.UUID;

/** A list's cursor is the id of the last item of the previous page. */
final class Cursors {

    private Cursors() {
    }

    static UUID read(String cursor, List<FieldError> errors) {
        if (cursor == null) {
            return null;
        }
        try {
            return UUID.fromString(cursor);
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.query("cursor", "is not a cursor this list gave"));
            return null;
        }
    }

    /** A page read one longer than asked: the extra item says there is a next page, after the last one shown. */
    record Page<T>(List<T> items, String nextCursor) {

        static <T> Page<T> of(List<T> read, int size, java.util.function.Function<T, UUID> id) {
            if (read.size() <= size) {
                return new Page<>(read, null);
            }
            List<T> shown = read.subList(0, size);
            return new Page<>(shown, id.apply(shown.get(size - 1)).toString());
        }
    }

    static UUID uuid(String name, String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.query(name, "is not an id"));
            return null;
        }
    }
}
