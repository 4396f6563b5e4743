package dev.rapport.kit.problem;

import dev.rapport.kit.sql.ConcurrentTransactions;
import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A request PostgreSQL rolled back because it deadlocked with, or could not be serialized against, a concurrent one
 * answers 409 {@code conflict}, not 500: the whole transaction was undone, and the same request made again goes
 * through. Services order their locks so this should not happen; this keeps the answer honest where it still does.
 */
@ApplicationScoped
@Startup
public class ConcurrentTransactionProblems implements ProblemPostProcessor {

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        if (problem.getStatusCode() != 500 || !ConcurrentTransactions.isCause(context.cause)) {
            return problem;
        }
        return Problems.conflict("A concurrent request changed the same data at the same time; nothing was written, retry");
    }

    @Override
    public int priority() {
        // Before ProblemTypes (200), which would otherwise settle the type as internal, and the library's logger.
        return 300;
    }
}
