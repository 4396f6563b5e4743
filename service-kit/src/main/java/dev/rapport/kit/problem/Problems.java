package dev.rapport.kit.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/** The RFC 9457 problems every Rapport API answers with; {@code type} names the kind of problem. */
public final class Problems {

    private static final String TYPES = "https://rapport.dev/problems/";

    private Problems() {
    }

    public static HttpProblem malformed(String detail) {
        return problem(400, "malformed-request", "Malformed request", detail);
    }

    public static HttpProblem invalid(List<FieldError> errors) {
        return HttpProblem.builder()
                .withType(URI.create(TYPES + "validation"))
                .withStatus(422)
                .withTitle("Validation failed")
                .withDetail(errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid")
                .with("violations", List.copyOf(errors))
                .build();
    }

    public static HttpProblem invalid(FieldError error) {
        return invalid(List.of(error));
    }

    public static HttpProblem notFound(String detail) {
        return problem(404, "not-found", "Not Found", detail);
    }

    public static HttpProblem conflict(String detail) {
        return problem(409, "conflict", "Conflict", detail);
    }

    public static HttpProblem stale(String detail) {
        return problem(412, "stale", "Precondition Failed", detail);
    }

    public static HttpProblem preconditionRequired(String detail) {
        return problem(428, "precondition-required", "Precondition Required", detail);
    }

    public static HttpProblem tooLarge(long limitBytes) {
        return problem(413, "body-too-large", "Content Too Large",
                "Request bodies here are limited to " + limitBytes + " bytes");
    }

    public static HttpProblem idempotencyKeyReused() {
        return problem(422, "idempotency-key-reused", "Idempotency-Key reused",
                "This Idempotency-Key was already used with a different request body");
    }

    private static HttpProblem problem(int status, String type, String title, String detail) {
        return builder(status, type, title, detail).build();
    }

    /** A problem of a kind only one service answers with, to which it adds its own members. */
    public static HttpProblem.Builder builder(int status, String type, String title, String detail) {
        return HttpProblem.builder()
                .withType(URI.create(TYPES + type))
                .withStatus(status)
                .withTitle(title)
                .withDetail(detail);
    }

    /** For mappers that need a Response rather than an exception. */
    public static Response response(HttpProblem problem) {
        return problem.toResponse();
    }
}
