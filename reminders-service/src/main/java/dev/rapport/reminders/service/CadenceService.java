package dev.rapport.reminders.service;

import dev.rapport.directory.domain.ContactProjection;
import dev.rapport.directory.domain.ContactRef;
import dev.rapport.directory.service.ContactProjectionService;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.WorkspaceContext;
import dev.rapport.reminders.domain.Cadence;
import dev.rapport.reminders.domain.Every;
import dev.rapport.reminders.messaging.ReminderEvents;
import dev.rapport.reminders.repository.CadenceRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Cadences are the workspace's: anyone may set one on a contact they can see, or on a tag. Each change moves the
 * keep-in-touch reminders it governs in the same transaction.
 */
@ApplicationScoped
public class CadenceService {

    @Inject
    CadenceRepository cadences;

    @Inject
    ContactProjectionService contacts;

    @Inject
    KeepInTouch keepInTouch;

    @Inject
    WorkspaceContext workspaces;

    @Transactional
    public Cadence forContact(UUID contactId, Every every) {
        ContactProjection contact = contacts.find(contactId, user()).orElseThrow(() -> Problems.invalid(FieldError.body(
                "contactId", "is not a contact of this workspace you can see (a contact created a moment ago may take a moment to arrive)")));
        UUID current = contact.mergedInto().isPresent() ? contacts.resolve(contactId) : contactId;
        if (!current.equals(contactId)) {
            throw Problems.invalid(FieldError.body("contactId", "was merged into contact " + current + ": set the cadence there"));
        }
        cadences.ofContact(contactId).stream().findFirst().ifPresent(existing -> {
            throw Problems.conflict("Contact " + contactId + " has a cadence already: cadence " + existing.id());
        });
        Cadence cadence = Cadence.forContact(contactId, every, user(), Instant.now());
        cadences.persist(cadence);
        keepInTouch.refresh(List.of(contactId), ReminderEvents.CADENCE_REMOVED);
        return cadence;
    }

    @Transactional
    public Cadence forTag(String tag, Every every) {
        cadences.ofTag(tag).ifPresent(existing -> {
            throw Problems.conflict("Tag " + existing.tag().orElseThrow() + " has a cadence already: cadence " + existing.id());
        });
        Cadence cadence = Cadence.forTag(tag.strip(), every, user(), Instant.now());
        cadences.persist(cadence);
        keepInTouch.refreshAll(ReminderEvents.CADENCE_REMOVED);
        return cadence;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Cadence> find(UUID id) {
        return cadences.byId(id).filter(c -> visible(List.of(c)).size() == 1);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Cadence> page(UUID after, UUID contactId, String tag, int size) {
        return cadences.page(user(), after, contactId, tag, size);
    }

    @Transactional
    public Cadence change(UUID id, Optional<Long> ifMatch, Every every) {
        Cadence cadence = require(id, ifMatch);
        cadence.change(every, Instant.now());
        cadences.flush();
        refresh(cadence);
        return cadence;
    }

    @Transactional
    public void delete(UUID id, Optional<Long> ifMatch) {
        Cadence cadence = require(id, ifMatch);
        cadences.delete(cadence);
        cadences.flush();
        refresh(cadence);
    }

    private void refresh(Cadence cadence) {
        if (cadence.contactId().isPresent()) {
            keepInTouch.refresh(List.of(cadence.contactId().get()), ReminderEvents.CADENCE_REMOVED);
        } else {
            keepInTouch.refreshAll(ReminderEvents.CADENCE_REMOVED);
        }
    }

    /** Tag cadences are everyone's; a contact's only for those who may see the contact. */
    private List<Cadence> visible(List<Cadence> page) {
        String user = user();
        Map<UUID, ContactRef> known = contacts.byIds(page.stream().map(c -> c.contactId().orElse(null))
                .filter(Objects::nonNull).distinct().toList());
        return page.stream().filter(c -> c.contactId().isEmpty()
                || (known.containsKey(c.contactId().get()) && known.get(c.contactId().get()).visibleTo(user))).toList();
    }

    private Cadence require(UUID id, Optional<Long> ifMatch) {
        Cadence cadence = find(id).orElseThrow(() -> Problems.notFound("No cadence " + id));
        if (ifMatch.isPresent() && ifMatch.get() != cadence.version()) {
            throw Problems.stale("Cadence " + id + " changed since you read it (now version " + cadence.version() + ")");
        }
        return cadence;
    }

    private String user() {
        return workspaces.currentUser().orElseThrow(() -> new IllegalStateException("No user for this work"));
    }
}
