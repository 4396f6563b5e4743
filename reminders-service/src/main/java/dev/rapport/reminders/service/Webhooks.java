package dev.rapport.reminders.service;

import dev.rapport.events.ContactEventTypes;
import dev.rapport.events.InteractionEventTypes;
import dev.rapport.events.ReminderEventTypes;
import dev.rapport.kit.ids.Uuids;
import dev.rapport.kit.outbox.Audience;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.Roles;
import dev.rapport.kit.tenancy.WorkspaceContext;
import dev.rapport.reminders.config.WebhooksConfig;
import dev.rapport.reminders.domain.Webhook;
import dev.rapport.reminders.domain.WebhookDelivery;
import dev.rapport.reminders.mapping.webhook.WebhookSignature;
import dev.rapport.reminders.repository.DeliveryRepository;
import dev.rapport.reminders.repository.WebhookRepository;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A user's webhooks: registered, listed, re-enabled, their secret rotated, deleted, their deliveries listed and
 * replayed. A webhook is its creator's (an admin sees and manages every one of the workspace).
 */
@ApplicationScoped
public class Webhooks {

    /** Every event type a webhook may ask for: the contact, interaction and reminder events. */
    public static final List<String> EVENT_TYPES = Stream.of(ContactEventTypes.ALL, InteractionEventTypes.ALL,
            ReminderEventTypes.ALL).flatMap(List::stream).toList();

    @Inject
    WebhookRepository webhooks;

    @Inject
    DeliveryRepository deliveries;

    @Inject
    WebhookAddresses addresses;

    @Inject
    WebhooksConfig config;

    @Inject
    WorkspaceContext workspaces;

    @Inject
    SecurityIdentity identity;

    /** A registered webhook with its secret, which is shown this once. */
    public record Registered(Webhook webhook, String secret) {
    }

    @Transactional
    public Registered register(String url, String description, List<String> eventTypes) {
        List<FieldError> errors = new ArrayList<>();
        if (url == null || url.isBlank()) {
            errors.add(FieldError.body("url", "is required"));
        } else if (url.length() > 2000) {
            errors.add(FieldError.body("url", "is longer than 2000 characters"));
        } else {
            addresses.refusal(url.strip()).ifPresent(why -> errors.add(FieldError.body("url", why)));
        }
        if (description != null && description.length() > 200) {
            errors.add(FieldError.body("description", "is longer than 200 characters"));
        }
        Set<String> types = new LinkedHashSet<>(eventTypes == null ? List.of() : eventTypes);
        if (eventTypes == null) {
            errors.add(FieldError.body("eventTypes", "is required"));
        } else if (types.isEmpty()) {
            errors.add(FieldError.body("eventTypes", "must name at least one event type"));
        }
        types.stream().filter(type -> !EVENT_TYPES.contains(type)).findFirst().ifPresent(unknown ->
                errors.add(FieldError.body("eventTypes", "has an unknown event type: " + unknown)));
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        if (webhooks.countOf(user()) >= config.maxPerUser()) {
            throw Problems.conflict("You have " + config.maxPerUser() + " webhooks, the most one user may have: delete one first");
        }
        String secret = WebhookSignature.newSecret();
        Webhook webhook = new Webhook(user(), url.strip(), blankToNull(description), List.copyOf(types), secret, Instant.now());
        webhooks.persist(webhook);
        return new Registered(webhook, secret);
    }

    public List<Webhook> visible() {
        return webhooks.visible(user(), admin());
    }

    public Webhook get(UUID id) {
        return webhooks.byId(id).filter(w -> w.visibleTo(user(), admin()))
                .orElseThrow(() -> Problems.notFound("No such webhook of yours"));
    }

    @Transactional
    public void delete(UUID id) {
        webhooks.delete(get(id));
    }

    /** Active again: its pending deliveries are sent (those past their retry window fail at their next attempt). */
    @Transactional
    public Webhook enable(UUID id) {
        Webhook webhook = get(id);
        webhook.enable(Instant.now());
        return webhook;
    }

    @Transactional
    public Registered rotateSecret(UUID id) {
        Webhook webhook = get(id);
        String secret = WebhookSignature.newSecret();
        Instant now = Instant.now();
        webhook.rotateSecret(secret, now, now.plus(config.secretOverlap()));
        return new Registered(webhook, secret);
    }

    public List<WebhookDelivery> deliveries(UUID id, String status, UUID after, int limit) {
        return deliveries.page(get(id).id(), status, after, limit);
    }

    public WebhookDelivery delivery(UUID id, UUID deliveryId) {
        return deliveries.byId(get(id).id(), deliveryId)
                .orElseThrow(() -> Problems.notFound("No such delivery of this webhook"));
    }

    /** Sends a delivery again, whatever became of it, as a new series of attempts. */
    @Transactional
    public WebhookDelivery replay(UUID id, UUID deliveryId) {
        Webhook webhook = get(id);
        WebhookDelivery delivery = delivery(id, deliveryId);
        if (!webhook.active()) {
            throw Problems.conflict("This webhook is disabled: enable it first (POST /v1/webhooks/" + id + "/enable)");
        }
        Instant now = Instant.now();
        deliveries.replay(delivery.id(), now, now.plus(config.retryFor()));
        return deliveries.byId(webhook.id(), deliveryId).orElseThrow();
    }

    /**
     * Queues an event for each webhook of the workspace that asked for its type and whose creator may see it (a
     * disabled one too: enabling it sends what came meanwhile, within its retry window).
     */
    public void enqueue(List<Webhook> all, String eventId, String eventType, Audience audience, String body) {
        Instant now = Instant.now();
        for (Webhook webhook : all) {
            if (webhook.eventTypes().contains(eventType) && audience.includes(webhook.createdBy())) {
                deliveries.enqueue(Uuids.v7(), webhook.id(), eventId, eventType, body, now, now.plus(config.retryFor()));
            }
        }
    }

    public List<Webhook> all() {
        return webhooks.listAll();
    }

    /** Whether the workspace has any webhook: most have none, and their events then need no work at all. */
    public boolean any() {
        return webhooks.any();
    }

    private String user() {
        return workspaces.currentUser().orElseThrow(() -> new IllegalStateException("No user for this work"));
    }

    private boolean admin() {
        return identity.hasRole(Roles.ADMIN);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
