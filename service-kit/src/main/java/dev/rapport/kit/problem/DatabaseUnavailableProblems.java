package dev.rapport.kit.problem;

import dev.rapport.kit.sql.DatabaseUnavailable;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A request that failed because the database is down, restarting or out of connections is not a bug of ours: it
 * answers 503 {@code unavailable} with a {@code Retry-After}, not 500 {@code internal}, whatever layer the failure
 * came through (a query, a commit, the pool). Nothing was written: a POST may be retried with its Idempotency-Key.
 */
@ApplicationScoped
@Startup
public class DatabaseUnavailableProblems implements ProblemPostProcessor {

    /** Seconds a client should wait before retrying: a restart or a failover usually takes a few. */
    static final String RETRY_AFTER = "2";

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        if (problem.getStatusCode() != 500 || !DatabaseUnavailable.isCause(context.cause)) {
            return problem;
        }
        return Problems.builder(503, "unavailable", "Service Unavailable",
                        "The database is not available at the moment; retry in a few seconds")
                .withHeader("Retry-After", RETRY_AFTER)
                .build();
    }

    @Override
    public int priority() {
        // Before ProblemTypes (200), which would otherwise settle the type as internal, and the library's logger.
        return 300;
    }
}
