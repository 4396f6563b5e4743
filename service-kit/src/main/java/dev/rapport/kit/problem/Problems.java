package dev.rapport.kit.problem;

import dev.rapport.kit.openapi.ApiHeaders;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** The RFC 9457 problems every Rapport API answers with; {@code type} names the kind of problem. */
public final class Problems {

    private static final String TYPES = "https://rapport.dev/problems/";

    /** The type of a problem known only by its status (raised by the framework rather than by Rapport). */
    private static final Map<Integer, String> BY_STATUS = Map.ofEntries(
            Map.entry(400, "malformed-request"), Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"),
            Map.entry(404, "not-found"), Map.entry(405, "method-not-allowed"), Map.entry(406, "not-acceptable"),
            Map.entry(409, "conflict"), Map.entry(412, "stale"), Map.entry(413, "body-too-large"),
            Map.entry(415, "unsupported-media-type"), Map.entry(422, "validation"),
            Map.entry(428, "precondition-required"), Map.entry(429, "too-many-requests"),
            Map.entry(503, "unavailable"));

    private Problems() {
    }

    /** {@code https://rapport.dev/problems/<kind>} for a status; {@code internal} for any other 5xx, {@code client-error} else. */
    public static URI typeOf(int status) {
        return URI.create(TYPES + BY_STATUS.getOrDefault(status, status >= 500 ? "internal" : "client-error"));
    }

    public static HttpProblem unauthorized(String detail) {
        return builder(401, "unauthorized", "Unauthorized", detail).withHeader("WWW-Authenticate", "Bearer").build();
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

    /** Over a rate limit: {@code Retry-After} and the {@code RateLimit-*} fields say when to try again. */
    public static HttpProblem tooManyRequests(String detail, long retryAfterSeconds, int limit) {
        return builder(429, "too-many-requests", "Too Many Requests", detail)
                .withHeader(ApiHeaders.RETRY_AFTER, retryAfterSeconds)
                .withHeader(ApiHeaders.RATE_LIMIT_LIMIT, limit)
                .withHeader(ApiHeaders.RATE_LIMIT_REMAINING, 0)
                .withHeader(ApiHeaders.RATE_LIMIT_RESET, retryAfterSeconds)
                .build();
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
