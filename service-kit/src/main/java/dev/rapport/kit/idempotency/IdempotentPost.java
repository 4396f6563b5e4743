package dev.rapport.kit.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.WorkspaceContext;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} for POSTs: the first request with a key runs and its response is stored in the same
 * transaction as its effect; a retry with the same key and body gets that response again without a second
 * effect; the same key with another body is a 422. A concurrent retry waits on the key's row until the first
 * commits, then replays it.
 */
@ApplicationScoped
public class IdempotentPost {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;
    private static final List<String> KEPT_HEADERS = List.of("Location", "ETag", "Content-Type");

    @Inject
    EntityManager em;

    @Inject
    WorkspaceContext workspaces;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "rapport.idempotency.retention", defaultValue = "P1D")
    Duration retention;

    /**
     * Runs {@code action} (whose transaction this joins) once per key.
     *
     * @param operation names the endpoint, e.g. {@code POST /v1/contacts}
     */
    @Transactional
    public Response run(String operation, String key, String requestBody, Supplier<Response> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw Problems.invalid(new FieldError(HEADER, "header", "must be 1 to " + MAX_KEY_LENGTH + " characters"));
        }
        String workspace = workspaces.require();
        String scope = operation + " " + workspaces.currentUser().orElse("");
        String hash = sha256(requestBody == null ? "" : requestBody);
        int claimed = em.createNativeQuery("""
                        insert into idempotency_record (workspace_id, scope, key, request_hash, created_at)
                        values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                .setParameter(1, workspace).setParameter(2, scope).setParameter(3, key).setParameter(4, hash)
                .setParameter(5, Instant.now())
                .executeUpdate();
        if (claimed == 0) {
            return replay(workspace, scope, key, hash);
        }
        Response response = action.get();
        store(workspace, scope, key, response);
        return response;
    }

    private Response replay(String workspace, String scope, String key, String hash) {
        Object[] row = (Object[]) em.createNativeQuery("""
                        select request_hash, status, cast(headers as text), body from idempotency_record
                        where workspace_id = ?1 and scope = ?2 and key = ?3""")
                .setParameter(1, workspace).setParameter(2, scope).setParameter(3, key)
                .getSingleResult();
        if (!hash.equals(row[0])) {
            throw Problems.idempotencyKeyReused();
        }
        Response.ResponseBuilder builder = Response.status(((Number) row[1]).intValue())
                .header(REPLAYED_HEADER, "true");
        readHeaders((String) row[2]).forEach(builder::header);
        return builder.entity(row[3]).build();
    }

    private void store(String workspace, String scope, String key, Response response) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = response.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        headers.putIfAbsent("Content-Type", "application/json");
        try {
            String body = response.hasEntity() ? json.writeValueAsString(response.getEntity()) : null;
            em.createNativeQuery("""
                            update idempotency_record set status = ?4, headers = cast(?5 as jsonb), body = ?6
                            where workspace_id = ?1 and scope = ?2 and key = ?3""")
                    .setParameter(1, workspace).setParameter(2, scope).setParameter(3, key)
                    .setParameter(4, response.getStatus())
                    .setParameter(5, json.writeValueAsString(headers))
                    .setParameter(6, body)
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response not serialisable", e);
        }
    }

    private Map<String, String> readHeaders(String text) {
        try {
            return json.readerForMapOf(String.class).readValue(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(every = "${rapport.idempotency.prune-every:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void prune() {
        em.createNativeQuery("delete from idempotency_record where created_at < ?1")
                .setParameter(1, Instant.now().minus(retention))
                .executeUpdate();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
