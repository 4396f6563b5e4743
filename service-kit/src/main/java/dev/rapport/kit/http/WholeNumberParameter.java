package dev.rapport.kit.http;

import dev.rapport.kit.problem.FieldError;

import java.util.List;

/**
 * A whole-number query parameter ({@code limit}, ...) within bounds, else a field error: a 422, not the 404
 * JAX-RS answers when it cannot convert a query parameter itself.
 */
public final class WholeNumberParameter {
    private WholeNumberParameter() {
    }

    public static int parse(String name, String text, int defaultValue, int min, int max, List<FieldError> errors) {
        if (text == null) {
            return defaultValue;
        }
        int value;
        try {
            value = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            value = min - 1;
        }
        if (value < min || value > max) {
            errors.add(FieldError.query(name, "must be a whole number from " + min + " to " + max));
        }
        return value;
    }
}
