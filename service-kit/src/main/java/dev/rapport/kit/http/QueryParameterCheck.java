package dev.rapport.kit.http;

import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * No query parameter or path reaches a resource with a NUL character or an unpaired surrogate: PostgreSQL text
 * cannot hold the one and UTF-8 cannot encode the other, so either would fail deep in a query (a 500, or an
 * export cut mid-stream). Checked once here for every operation rather than field by field.
 */
public class QueryParameterCheck {

    @ServerRequestFilter
    public void refuseUnstorableCharacters(UriInfo uri) {
        if (!Text.isStorable(uri.getPath())) {
            throw Problems.notFound("No resource at this path");
        }
        List<FieldError> errors = uri.getQueryParameters().entrySet().stream()
                .filter(parameter -> !parameter.getValue().stream().allMatch(Text::isStorable))
                .map(Map.Entry::getKey)
                .map(name -> FieldError.query(Text.isStorable(name) ? name : "(unreadable name)", Text.UNSTORABLE))
                .toList();
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
    }
}
