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
