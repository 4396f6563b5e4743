package dev.rapport.kit.problem;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Someone else changed the resource between this request's read and its write (optimistic locking). With
 * {@code If-Match} that is the client's precondition failing (412); without, a conflict (409).
 */
public class ConcurrentUpdateProblemMapper {

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, HttpHeaders headers) {
        return concurrent(headers);
    }

    @ServerExceptionMapper
    public Response staleState(StaleStateException e, HttpHeaders headers) {
        return concurrent(headers);
    }

    private static Response concurrent(HttpHeaders headers) {
        String detail = "The resource was changed by another request; read it again and retry";
        return (headers.getHeaderString(HttpHeaders.IF_MATCH) != null ? Problems.stale(detail) : Problems.conflict(detail))
                .toResponse();
    }
}
