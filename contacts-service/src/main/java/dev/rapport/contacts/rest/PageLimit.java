package dev.rapport.contacts.rest;

import dev.rapport.kit.problem.FieldError;

import java.util.List;

/** The {@code limit} query parameter: a whole number within bounds, else a field error (a 422, not a 404). */
final class PageLimit {
    private PageLimit() {
    }

    static int parse(String text, int defaultValue, int max, List<FieldError> errors) {
        if (text == null) {
            return defaultValue;
        }
        int size;
        try {
            size = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 1 || size > max) {
            errors.add(FieldError.query("limit", "must be a whole number from 1 to " + max));
        }
        return size;
    }
}
