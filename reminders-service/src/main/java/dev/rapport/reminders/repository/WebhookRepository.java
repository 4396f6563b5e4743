package dev.rapport.reminders.repository;

import dev.rapport.reminders.domain.Webhook;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<Webhook, UUID> {

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
}
