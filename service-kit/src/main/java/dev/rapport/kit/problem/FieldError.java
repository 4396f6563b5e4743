package dev.rapport.kit.problem;

/** One invalid field of a request, in the shape resteasy-problem uses for its {@code violations}. */
public record FieldError(String field, String in, String message) {

    public static FieldError body(String field, String message) {
        return new FieldError(field, "body", message);
    }

    public static FieldError query(String field, String message) {
        return new FieldError(field, "query", message);
    }
}
