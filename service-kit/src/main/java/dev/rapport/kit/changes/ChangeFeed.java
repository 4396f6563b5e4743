package dev.rapport.kit.changes;

import dev.rapport.kit.config.ServiceConfig;
import dev.rapport.kit.outbox.OutboxConfig;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.sql.SqlTimes;
import dev.rapport.kit.tenancy.WorkspaceSql;
import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/**
 * The workspace's changes as the outbox holds them, in the order they were published: the relay numbers them
 * ({@code feed_position}) under its lock, so every position up to the newest one a reader sees is already visible to
 * it, and a cursor never passes a change that commits late. Changes private to another user are left out
 * ({@link dev.rapport.kit.outbox.Audience}).
 */
@ApplicationScoped
public class ChangeFeed {

    @Inject
    WorkspaceSql sql;

    @Inject
    ServiceConfig service;

    @Inject
    OutboxConfig outbox;

    /**
     * @param after a position this feed gave, or null for the oldest change kept
     * @throws HttpProblem 410 when changes after {@code after} have been pruned
     */
    public ChangePage after(Long after, String reader, int limit) {
        long from = after == null ? 0 : after;
        // One statement, one snapshot: the pruned mark, the head and the page agree. The head lets the cursor move
        // past changes this reader may not see, so a quiet feed is not read again and again.
        List<Object[]> rows = sql.query("""
                        select e.id, e.type, e.subject, e.payload, e.occurred_at, e.feed_position, h.head, h.pruned_to,
                               h.given
                        from (select (select max(feed_position) from outbox_event where workspace_id = :workspace) as head,
                                     (select pruned_to from outbox_feed_pruned where workspace_id = :workspace) as pruned_to,
                                     (select case when is_called then last_value else 0 end from outbox_feed_position) as given) h
                        left join lateral (
                            select id, type, subject, cast(payload as text) as payload, occurred_at, feed_position
                            from outbox_event
                            where workspace_id = :workspace and feed_position > :after
                              and (audience is null or audience = :reader)
                            order by feed_position
                            limit :limit) e on true
                        order by e.feed_position""")
                .set("after", from)
                .set("reader", reader)
                .set("limit", limit + 1)
                .rows();
        Object[] first = rows.get(0);
        if (from > ((Number) first[8]).longValue()) {
            // Past every position given: a cursor of another feed, or of a database since restored.
            throw Problems.invalid(FieldError.query("after", "is not a cursor this feed gave"));
        }
        if (after != null && first[7] != null && after < ((Number) first[7]).longValue()) {
            throw gone();
        }
        List<Change> items = new ArrayList<>();
        for (Object[] row : rows) {
            if (row[0] != null && items.size() < limit) {
                items.add(new Change("1.0", row[0].toString(), "/rapport/" + service.name(), (String) row[1],
                        (String) row[2], SqlTimes.utc(row[4]), "application/json", (String) row[3]));
            }
        }
        boolean more = rows.size() > limit;
        long head = first[6] == null ? from : Math.max(((Number) first[6]).longValue(), from);
        long cursor = more ? ((Number) rows.get(limit - 1)[5]).longValue() : head;
        return new ChangePage(items, Long.toString(cursor), more);
    }

    private HttpProblem gone() {
        return Problems.builder(410, "changes-expired", "Changes expired",
                        "Changes after this cursor are older than the feed keeps (" + outbox.retention().toDays()
                                + " days): read everything again, then follow the feed from a fresh cursor")
                .build();
    }
}
