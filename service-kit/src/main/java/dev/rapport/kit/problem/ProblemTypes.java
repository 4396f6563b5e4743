package dev.rapport.kit.problem;

import io.quarkiverse.resteasy.problem.HttpProblem;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemContext;
import io.quarkiverse.resteasy.problem.postprocessing.ProblemPostProcessor;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every problem leaves with a documented {@code type}: the ones Rapport throws name theirs; those the framework
 * raises (403, 404 for an unknown path or a malformed id, 405, 406, 415, an unexpected 500) get the type of their
 * status here, so a client can always switch on {@code type}.
 */
@ApplicationScoped
@Startup
public class ProblemTypes implements ProblemPostProcessor {

    @Override
    public HttpProblem apply(HttpProblem problem, ProblemContext context) {
        if (problem.getType() != null && !"about:blank".equals(problem.getType().toString())) {
            return problem;
        }
        HttpProblem.Builder typed = HttpProblem.builder(problem).withType(Problems.typeOf(problem.getStatusCode()));
        if (problem.getDetail() == null && problem.getStatusCode() == 403) {
            // The framework's 403 says nothing; every problem of ours says what happened.
            typed.withDetail("Your role does not allow this operation (readers read; backups and restores are for admins)");
        }
        return typed.build();
    }

    @Override
    public int priority() {
        // Before the library's logger and defaults (priority 99 and below run later).
        return 200;
    }
}
