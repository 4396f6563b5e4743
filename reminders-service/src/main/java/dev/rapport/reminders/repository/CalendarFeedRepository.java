package dev.rapport.reminders.repository;

import dev.rapport.kit.tenancy.WorkspaceSql;
import dev.rapport.reminders.domain.CalendarFeed;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CalendarFeedRepository implements PanacheRepositoryBase<CalendarFeed, UUID> {

    @Inject
    WorkspaceSql sql;

    public Optional<CalendarFeed> byId(UUID id) {
        return find("id", id).firstResultOptional();
    }

    public List<CalendarFeed> ofOwner(String owner) {
        return list("ownerId = ?1 order by createdAt, id", owner);
    }

    /**
     * The feed a token opens, as {workspace_id, owner_id, id}: a calendar app sends no bearer token, so the token's
     * hash is all there is to find its workspace by.
     */
    public Optional<Object[]> byTokenHash(byte[] hash) {
        return sql.crossWorkspace("a feed URL is the credential that names its workspace", """
                        select workspace_id, owner_id, id from calendar_feed
                         where token_hash = :hash""")
                .set("hash", hash).first();
    }
}
