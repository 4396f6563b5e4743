package dev.rapport.reminders.repository;

import dev.rapport.kit.sql.SqlTimes;
import dev.rapport.kit.tenancy.WorkspaceSql;
import dev.rapport.reminders.domain.WebhookDelivery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webhook deliveries: queued by the consumer, claimed and settled by the dispatcher, listed and replayed by users. */
@ApplicationScoped
public class DeliveryRepository {

    /** Every statement of the dispatcher spans the workspaces: it delivers all of them. */
    private static final String ALL_WORKSPACES = "the dispatcher delivers every workspace's webhooks";
    private static final String COLUMNS = """
            id, webhook_id, event_id, event_type, status, attempts, created_at, last_attempt_at, last_status, last_error,
            case when status = 'pending' then next_attempt_at end
            """;

    @Inject
    WorkspaceSql sql;

    /** A delivery to make now; nothing when that webhook already has this event (a redelivered event). */
    public void enqueue(UUID id, UUID webhookId, String eventId, String eventType, String body, Instant at, Instant retryUntil) {
        sql.query("""
                        insert into webhook_delivery (id, workspace_id, webhook_id, event_id, event_type, body, status,
                                                      next_attempt_at, retry_until, created_at)
                        values (:id, :workspace, :webhook, :event, :type, :body, 'pending', :at, :until, :at)
                        on conflict (webhook_id, event_id) do nothing""")
                .set("id", id).set("webhook", webhookId).set("event", eventId).set("type", eventType).set("body", body)
                .set("at", utc(at)).set("until", utc(retryUntil))
                .execute();
    }

    /** Newest first, after the delivery {@code after} (a cursor), at most {@code limit}. */
    public List<WebhookDelivery> page(UUID webhookId, String status, UUID after, int limit) {
        return sql.query("select " + COLUMNS + """
                         from webhook_delivery
                        where workspace_id = :workspace and webhook_id = :webhook
                          and (cast(:status as text) is null or status = cast(:status as text))
                          and (cast(:after as uuid) is null or id < cast(:after as uuid))
                        order by id desc limit :limit""")
                .set("webhook", webhookId).set("status", status).set("after", after).set("limit", limit)
                .rows().stream().map(DeliveryRepository::delivery).toList();
    }

    public Optional<WebhookDelivery> byId(UUID webhookId, UUID id) {
        return sql.query("select " + COLUMNS + """
                         from webhook_delivery where workspace_id = :workspace and webhook_id = :webhook and id = :id""")
                .set("webhook", webhookId).set("id", id).<Object[]>first().map(DeliveryRepository::delivery);
    }

    /** Sent again from now, as a new series of attempts. */
    public void replay(UUID id, Instant at, Instant retryUntil) {
        sql.query("""
                        update webhook_delivery set status = 'pending', attempts = 0, next_attempt_at = :at, retry_until = :until,
                                                    in_flight_until = null
                         where workspace_id = :workspace and id = :id""")
                .set("id", id).set("at", utc(at)).set("until", utc(retryUntil)).execute();
    }

    /** A delivery claimed for one attempt, with what sending it takes. */
    public record Claimed(UUID id, String workspaceId, UUID webhookId, String eventId, String body, int attempt,
                          Instant retryUntil, String url, String secret, String previousSecret, Instant previousSecretUntil) {
    }

    /**
     * Claims the deliveries due of active webhooks, so that no endpoint has more than {@code perEndpoint} attempts in
     * flight (those claimed and not settled, until their lease ends), by moving their next attempt past {@code lease}:
     * no other round takes them while this attempt runs, and one takes them again if it never settles (a crash). One
     * claimer at a time (a transaction-scoped advisory lock): replicas never wait on each other's rows.
     */
    public List<Claimed> claim(int batch, int perEndpoint, Duration lease) {
        if (!Boolean.TRUE.equals(sql.crossWorkspace(ALL_WORKSPACES,
                "select pg_try_advisory_xact_lock(hashtext('rapport.webhooks.claim'))").single())) {
            return List.of();
        }
        return sql.crossWorkspace(ALL_WORKSPACES, """
                        with busy as (
                            select webhook_id, count(*) as n from webhook_delivery
                             where in_flight_until > now() group by webhook_id),
                        due as (
                            select id from (
                                select d.id, d.next_attempt_at, coalesce(b.n, 0) as busy,
                                       row_number() over (partition by d.webhook_id order by d.next_attempt_at, d.id) as rank
                                  from webhook_delivery d join webhook w on w.id = d.webhook_id
                                  left join busy b on b.webhook_id = d.webhook_id
                                 where d.status = 'pending' and d.next_attempt_at <= now() and w.status = 'active') ranked
                             where rank + busy <= :perEndpoint
                             order by next_attempt_at limit :batch),
                        claimed as (
                            update webhook_delivery d
                               set next_attempt_at = now() + cast(:lease as interval),
                                   in_flight_until = now() + cast(:lease as interval),
                                   attempts = attempts + 1, last_attempt_at = now()
                              from due
                             where d.id = due.id
                            returning d.id, d.workspace_id, d.webhook_id, d.event_id, d.body, d.attempts, d.retry_until)
                        select c.id, c.workspace_id, c.webhook_id, c.event_id, c.body, c.attempts, c.retry_until,
                               w.url, w.secret, w.previous_secret, w.previous_secret_until
                          from claimed c join webhook w on w.id = c.webhook_id""")
                .set("perEndpoint", perEndpoint).set("batch", batch).set("lease", lease.toSeconds() + " seconds")
                .rows().stream().map(row -> new Claimed((UUID) row[0], (String) row[1], (UUID) row[2], (String) row[3],
                        (String) row[4], ((Number) row[5]).intValue(), instant(row[6]), (String) row[7], (String) row[8],
                        (String) row[9], row[10] == null ? null : instant(row[10]))).toList();
    }

    /** Deliveries made longer ago than {@code keep}, whatever became of them: the bodies hold people's data. */
    public int prune(Duration keep) {
        return sql.crossWorkspace(ALL_WORKSPACES, "delete from webhook_delivery where created_at < now() - cast(:keep as interval)")
                .set("keep", keep.toSeconds() + " seconds").execute();
    }

    /**
     * Settles attempt {@code attempt}: only while it is still the delivery's latest (a replay or a later claim after an
     * expired lease started another), so a late answer never overwrites a newer state.
     */
    public void succeeded(UUID id, int attempt, int status) {
        sql.crossWorkspace(ALL_WORKSPACES, """
                        update webhook_delivery set status = 'succeeded', last_status = :status, last_error = null,
                                                    in_flight_until = null
                         where id = :id and status = 'pending' and attempts = :attempt""")
                .set("id", id).set("attempt", attempt).set("status", status).execute();
    }

    /** As {@link #succeeded}, fenced the same way. @param nextAttemptAt null: given up */
    public void attemptFailed(UUID id, int attempt, Integer status, String error, Instant nextAttemptAt) {
        if (nextAttemptAt == null) {
            sql.crossWorkspace(ALL_WORKSPACES, """
                            update webhook_delivery set status = 'failed', last_status = cast(:status as integer), last_error = :error,
                                                        in_flight_until = null
                             where id = :id and status = 'pending' and attempts = :attempt""")
                    .set("id", id).set("attempt", attempt).set("status", status).set("error", error).execute();
        } else {
            sql.crossWorkspace(ALL_WORKSPACES, """
                            update webhook_delivery set next_attempt_at = :next, last_status = cast(:status as integer), last_error = :error,
                                                        in_flight_until = null
                             where id = :id and status = 'pending' and attempts = :attempt""")
                    .set("id", id).set("attempt", attempt).set("status", status).set("error", error)
                    .set("next", utc(nextAttemptAt)).execute();
        }
    }

    /** A success: the endpoint is healthy again. */
    public void endpointAnswered(UUID webhookId) {
        sql.crossWorkspace(ALL_WORKSPACES, "update webhook set failing_since = null where id = :id and failing_since is not null")
                .set("id", webhookId).execute();
    }

    /** A failure; disables the endpoint when every attempt since {@code disableIfFailingSince} failed. */
    public boolean endpointFailed(UUID webhookId, Instant now, Instant disableIfFailingSince, String reason) {
        sql.crossWorkspace(ALL_WORKSPACES, "update webhook set failing_since = coalesce(failing_since, :now) where id = :id")
                .set("id", webhookId).set("now", utc(now)).execute();
        return sql.crossWorkspace(ALL_WORKSPACES, """
                        update webhook set status = 'disabled', disabled_reason = :reason, updated_at = :now
                         where id = :id and status = 'active' and failing_since <= :since""")
                .set("id", webhookId).set("reason", reason).set("now", utc(now)).set("since", utc(disableIfFailingSince))
                .execute() == 1;
    }

    private static WebhookDelivery delivery(Object[] row) {
        return new WebhookDelivery((UUID) row[0], (UUID) row[1], (String) row[2], (String) row[3], (String) row[4],
                ((Number) row[5]).intValue(), instant(row[6]), row[7] == null ? null : instant(row[7]),
                row[8] == null ? null : ((Number) row[8]).intValue(), (String) row[9], row[10] == null ? null : instant(row[10]));
    }

    private static Instant instant(Object value) {
        return SqlTimes.instant(value);
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
