package dev.rapport.interactions.repository;

import dev.rapport.kit.sql.SqlTimes;
import dev.rapport.interactions.domain.CalendarSource;
import dev.rapport.kit.tenancy.WorkspaceSql;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CalendarSourceRepository implements PanacheRepositoryBase<CalendarSource, UUID> {

    @Inject
    WorkspaceSql sql;

    /** A source leased to one poller: no other replica polls it until the lease ends or the poll records its end. */
    public record Claimed(UUID id, String workspace, String owner) {
    }

    public Optional<CalendarSource> byId(UUID id) {
        return find("id", id).firstResultOptional();
    }

    public List<CalendarSource> ownedBy(String owner) {
        return list("ownerId = ?1 order by createdAt, id", owner);
    }

    /** Up to {@code limit} due sources of any workspace, leased to the caller (skipping those another replica holds). */
    public List<Claimed> claimDue(Duration lease, int limit) {
        List<Object[]> rows = sql.crossWorkspace("one poller serves every workspace's subscriptions", """
                        update calendar_source set lease_until = :until
                         where id in (select id from calendar_source
                                       where next_poll_at <= now() and (lease_until is null or lease_until < now())
                                       order by next_poll_at for update skip locked limit :limit)
                        returning id, workspace_id, owner_id""")
                .set("until", SqlTimes.utc(Instant.now().plus(lease)))
                .set("limit", limit)
                .rows();
        return rows.stream().map(r -> new Claimed((UUID) r[0], (String) r[1], (String) r[2])).toList();
    }

    /** Leases one source of the current workspace for a poll on request; false when a poll of it is running. */
    public boolean claim(UUID id, Duration lease) {
        return sql.query("""
                        update calendar_source set lease_until = :until
                         where workspace_id = :workspace and id = :id and (lease_until is null or lease_until < now())""")
                .set("id", id).set("until", SqlTimes.utc(Instant.now().plus(lease))).execute() == 1;
    }

    public void release(UUID id) {
        sql.query("update calendar_source set lease_until = null where workspace_id = :workspace and id = :id")
                .set("id", id).execute();
    }

    /**
     * A fingerprint of the workspace's contacts that changes whenever one is added, changed (its version grows), merged,
     * unmerged or erased. Not a time comparison: the projection's times are the events' times, and a late event can
     * carry a time older than the last poll.
     */
    public String contactsFingerprint() {
        Object[] row = sql.query("""
                        select count(*), coalesce(sum(version), 0), count(merged_into), count(deleted_at)
                          from contact_projection where workspace_id = :workspace""")
                .single();
        return row[0] + ":" + row[1] + ":" + row[2] + ":" + row[3];
    }

}
