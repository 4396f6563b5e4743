package dev.rapport.kit.http;

import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;

import java.util.ArrayList;
import java.util.List;

/**
 * A true/false query parameter, read strictly: {@code true} or {@code false}, else a field error (a 422). JAX-RS would
 * read anything but "true" as false, so {@code dryRun=1} or {@code dryRun=yes} would quietly do the real thing.
 */
public final class TrueFalseParameter {
    private TrueFalseParameter() {
    }

    /** @return the value, or null when absent or neither true nor false (then a field error is added) */
    public static Boolean parse(String name, String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        if (!text.equals("true") && !text.equals("false")) {
            errors.add(FieldError.query(name, "must be true or false"));
            return null;
        }
        return Boolean.valueOf(text);
    }

    /** The value, {@code false} when absent; anything but true or false is a 422 at once. */
    public static boolean require(String name, String text) {
        List<FieldError> errors = new ArrayList<>();
        Boolean value = parse(name, text, errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        return Boolean.TRUE.equals(value);
    }
}
