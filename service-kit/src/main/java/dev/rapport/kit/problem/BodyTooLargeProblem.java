package dev.rapport.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A body declared larger than {@code quarkus.http.limits.max-body-size} is refused with a 413 problem before
 * any of it is read (the HTTP layer's own 413 has no body a client could show).
 */
@ApplicationScoped
public class BodyTooLargeProblem {

    private static final int BEFORE_EVERY_ROUTE = Integer.MIN_VALUE + 10;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10M")
    MemorySize limit;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        String body = problem();
        router.route().order(BEFORE_EVERY_ROUTE).handler(ctx -> {
            if (declaredLength(ctx.request().getHeader("Content-Length")) > limit.asLongValue()) {
                ctx.response().setStatusCode(413)
                        .putHeader("Content-Type", "application/problem+json")
                        .putHeader("Connection", "close")
                        .end(body);
            } else {
                ctx.next();
            }
        });
    }

    private String problem() {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "https://rapport.dev/problems/body-too-large");
        problem.put("title", "Content Too Large");
        problem.put("status", 413);
        problem.put("detail", "Request bodies are limited to " + limit.asLongValue() + " bytes");
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long declaredLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
