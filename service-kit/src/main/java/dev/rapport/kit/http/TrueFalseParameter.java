package dev.rapport.kit.http;

import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;

/**
 * A true/false query parameter, read strictly: {@code true} or {@code false}, else a 422. JAX-RS would read anything
 * but "true" as false, so {@code dryRun=1} or {@code dryRun=yes} would quietly do the real thing.
 */
public final class TrueFalseParameter {
    private TrueFalseParameter() {
    }

    /** @return the value; {@code false} when absent */
    public static boolean require(String name, String text) {
        if (text == null || text.equals("false")) {
            return false;
        }
        if (text.equals("true")) {
            return true;
        }
        throw Problems.invalid(FieldError.query(name, "must be true or false"));
    }
}
