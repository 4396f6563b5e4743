package dev.rapport.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkiverse.resteasy.problem.HttpProblem;
import dev.rapport.kit.http.HttpConfig;
import dev.rapport.kit.http.HttpLimitsConfig;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A body declared larger than the limit of its path is refused with a 413 problem before any of it is read
 * (the HTTP layer's own 413 has no body a client could show). JSON requests may be 1 MiB
 * ({@code rapport.http.max-json-body}); uploads under {@code rapport.http.upload-paths} up to
 * {@code quarkus.http.limits.max-body-size}, the HTTP layer's hard limit.
 */
@ApplicationScoped
public class BodyTooLargeProblem {

    private static final int BEFORE_EVERY_ROUTE = Integer.MIN_VALUE + 10;

    @Inject
    HttpConfig http;

    @Inject
    HttpLimitsConfig limits;

    @Inject
    ObjectMapper json;

    void install(@Observes Router router) {
        long uploadLimit = limits.maxBodySize().asLongValue();
        long jsonLimit = http.maxJsonBody().asLongValue();
        List<String> uploadPaths = http.uploadPaths();
        String uploadProblem = problem(uploadLimit);
        String jsonProblem = problem(jsonLimit);
        router.route().order(BEFORE_EVERY_ROUTE).handler(ctx -> {
            boolean upload = uploadPaths.stream().anyMatch(path -> ctx.normalizedPath().startsWith(path));
            long limit = upload ? uploadLimit : jsonLimit;
            if (declaredLength(ctx.request().getHeader("Content-Length")) > limit) {
                ctx.response().setStatusCode(413)
                        .putHeader("Content-Type", "application/problem+json")
                        .putHeader("Connection", "close")
                        .end(upload ? uploadProblem : jsonProblem);
            } else {
                ctx.next();
            }
        });
    }

    /** The same problem the REST layer answers with, written here because no resource is reached. */
    private String problem(long limit) {
        HttpProblem problem = Problems.tooLarge(limit);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatusCode());
        body.put("detail", problem.getDetail());
        try {
            return json.writeValueAsString(body);
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
