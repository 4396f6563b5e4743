package dev.rapport.reminders.repository;

import dev.rapport.kit.tenancy.WorkspaceSql;
import dev.rapport.reminders.domain.Webhook;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<Webhook, UUID> {

    @Inject
    WorkspaceSql sql;

    public Optional<Webhook> byId(UUID id) {
        return find("id", id).firstResultOptional();
    }

    /** The user's webhooks, or every webhook of the workspace for an admin; oldest first. */
    public List<Webhook> visible(String user, boolean admin) {
        return admin ? list("order by createdAt, id") : list("createdBy = ?1 order by createdAt, id", user);
    }

    public long countOf(String user) {
        return count("createdBy", user);
    }

    /**
     * Whether the workspace has a webhook at all: asked for every batch of events the service sees, so a native
     * statement (Hibernate translates a tenant-filtered query anew each time it runs).
     */
    public boolean any() {
        return Boolean.TRUE.equals(sql.query("select exists (select 1 from webhook where workspace_id = :workspace)").single());
    }
}
