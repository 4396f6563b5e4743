package dev.rapport.kit.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.WorkspaceContext;
import dev.rapport.kit.tenancy.WorkspaceSql;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
    WorkspaceSql sql;

    @Inject
    WorkspaceContext workspaces;

    @Inject
    ObjectMapper json;

    @Inject
    IdempotencyConfig config;

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
        String scope = operation + " " + workspaces.currentUser().orElse("");
        String hash = sha256(requestBody == null ? "" : requestBody);
        int claimed = sql.query("""
                        insert into idempotency_record (workspace_id, scope, key, request_hash, created_at)
                        values (:workspace, :scope, :key, :hash, :createdAt) on conflict do nothing""")
                .set("scope", scope).set("key", key).set("hash", hash).set("createdAt", Instant.now())
                .execute();
        if (claimed == 0) {
            return replay(scope, key, hash);
        }
        Response response = action.get();
        store(scope, key, response);
        return response;
    }

    private Response replay(String scope, String key, String hash) {
        Object[] row = sql.query("""
                        select request_hash, status, cast(headers as text), body from idempotency_record
                        where workspace_id = :workspace and scope = :scope and key = :key""")
                .set("scope", scope).set("key", key)
                .single();
        if (!hash.equals(row[0])) {
            throw Problems.idempotencyKeyReused();
        }
        Response.ResponseBuilder builder = Response.status(((Number) row[1]).intValue())
                .header(REPLAYED_HEADER, "true");
        readHeaders((String) row[2]).forEach(builder::header);
        return builder.entity(row[3]).build();
    }

    private void store(String scope, String key, Response response) {
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
            sql.query("""
                            update idempotency_record set status = :status, headers = cast(:headers as jsonb), body = :body
                            where workspace_id = :workspace and scope = :scope and key = :key""")
                    .set("scope", scope).set("key", key)
                    .set("status", response.getStatus())
                    .set("headers", json.writeValueAsString(headers))
                    .set("body", body)
                    .execute();
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
        sql.crossWorkspace("retention applies to every workspace's stored responses alike",
                        "delete from idempotency_record where created_at < :before")
                .set("before", Instant.now().minus(config.retention()))
                .execute();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
