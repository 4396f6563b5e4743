package dev.rapport.interactions.service;

import dev.rapport.directory.domain.ContactProjection;
import dev.rapport.directory.domain.ContactRef;
import dev.rapport.directory.service.ContactProjectionService;
import dev.rapport.interactions.domain.Interaction;
import dev.rapport.interactions.domain.InteractionDetails;
import dev.rapport.interactions.domain.InteractionSource;
import dev.rapport.interactions.domain.LoggedInteraction;
import dev.rapport.interactions.messaging.InteractionEvents;
import dev.rapport.interactions.repository.InteractionFinder;
import dev.rapport.interactions.domain.InteractionQuery;
import dev.rapport.interactions.repository.InteractionRepository;
import dev.rapport.interactions.repository.ParticipantRepository;
import dev.rapport.interactions.repository.ParticipantRepository.Participant;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.WorkspaceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** The interaction log's use cases, each one transaction; every change's event goes out through the outbox. */
@ApplicationScoped
public class InteractionService {

    @Inject
    InteractionRepository interactions;

    @Inject
    ParticipantRepository participants;

    @Inject
    InteractionFinder finder;

    @Inject
    ContactProjectionService contacts;

    @Inject
    InteractionEvents events;

    @Inject
    WorkspaceContext workspaces;

    /**
     * Logs an interaction by the current user. With an {@code externalId}, a second one from the same source is a
     * conflict: the author's copy of that external event exists.
     */
    @Transactional
    public LoggedInteraction log(InteractionDetails details, InteractionSource source, String externalId) {
        String author = user();
        Checked checked = participantsOf(details.participants(), author);
        if (externalId != null) {
            interactions.byExternalId(author, source, externalId).ifPresent(existing -> {
                throw Problems.conflict("You logged " + source.wire() + " event " + externalId + " already, as interaction "
                        + existing.id());
            });
        }
        Interaction interaction = Interaction.log(details, source, externalId, author, Instant.now());
        interactions.persist(interaction);
        LoggedInteraction logged = new LoggedInteraction(interaction, current(checked.with()), checked.names());
        // The event first: one flush writes it with the interaction, whose row the participants then reference.
        events.logged(logged, checked.privateOwners());
        interactions.flush();
        participants.insert(Map.of(interaction, checked.with()));
        return logged;
    }

    /**
     * Logs interactions by the current user whose participants the caller has already found and checked (contacts the
     * user can see, as they are now, distinct) and whose external ids it knows to be new: a calendar import logs
     * thousands this way, with one flush and one participant statement for the whole batch instead of lookups and
     * writes per interaction. Runs in the caller's transaction; each emits interaction.logged.v1 as {@link #log} does.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int logChecked(InteractionSource source, Map<String, InteractionDetails> byExternalId) {
        String author = user();
        Instant now = Instant.now();
        // Read before anything is written: a statement after the persists below would flush, and walk, all of them.
        Map<UUID, ContactRef> known = contacts.byIds(byExternalId.values().stream()
                .flatMap(details -> details.participants().stream()).collect(java.util.stream.Collectors.toSet()));
        Map<Interaction, List<Participant>> written = new java.util.LinkedHashMap<>();
        byExternalId.forEach((externalId, details) -> {
            Interaction interaction = Interaction.log(details, source, externalId, author, now);
            interactions.persist(interaction);
            written.put(interaction, details.participants().stream().map(id -> new Participant(id, id)).toList());
        });
        interactions.flush();
        participants.insert(written);
        written.forEach((interaction, with) -> events.logged(new LoggedInteraction(interaction, current(with)),
                ContactProjectionService.privateOwners(known, current(with))));
        return written.size();
    }

    /**
     * Logs what a user asked for when completing a reminder (reminder.completed.v1), in the consumer's transaction, as
     * {@code author}, under the id reminders-service gave it: once, however often the event comes. Participants the
     * author may no longer see (erased or merged since, made private) are left out; with none left there is nothing to log.
     *
     * @return whether it was logged now
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean logAsked(UUID id, InteractionDetails details, String author) {
        if (interactions.byId(id).isPresent()) {
            return false;
        }
        Map<UUID, ContactRef> known = contacts.byIds(details.participants());
        List<Participant> with = new ArrayList<>();
        for (UUID given : details.participants()) {
            UUID now = known.containsKey(given) ? contacts.resolve(given) : given;
            ContactRef contact = now.equals(given) ? known.get(given) : contacts.byIds(List.of(now)).get(now);
            if (contact != null && contact.visibleTo(author) && with.stream().noneMatch(p -> p.current().equals(now))) {
                with.add(new Participant(given, now));
            }
        }
        if (with.isEmpty()) {
            return false;
        }
        Interaction interaction = Interaction.log(id, details, InteractionSource.MANUAL, null, author, Instant.now());
        interactions.persist(interaction);
        events.logged(new LoggedInteraction(interaction, current(with)));
        interactions.flush();
        participants.insert(Map.of(interaction, with));
        return true;
    }

    /** The interaction, if the current user may see it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<LoggedInteraction> find(UUID id) {
        String user = user();
        return interactions.byId(id).filter(i -> i.openTo(user)).flatMap(i -> {
            List<UUID> with = participants.current(List.of(i.id())).getOrDefault(i.id(), List.of());
            Map<UUID, ContactRef> known = contacts.byIds(with);
            if (!known.values().stream().allMatch(c -> c.visibleTo(user))) {
                return Optional.empty();
            }
            return Optional.of(new LoggedInteraction(i, with, names(known)));
        });
    }

    @Transactional
    public LoggedInteraction update(UUID id, Optional<Long> ifMatch, UnaryOperator<InteractionDetails> change) {
        LoggedInteraction found = require(id, ifMatch);
        InteractionDetails details = change.apply(found.details());
        Checked checked = participantsOf(details.participants(), user());
        Interaction interaction = found.interaction();
        interaction.replace(details, Instant.now());
        interactions.flush();
        participants.replace(interaction, checked.with());
        LoggedInteraction updated = new LoggedInteraction(interaction, current(checked.with()), checked.names());
        events.updated(updated);
        return updated;
    }

    @Transactional
    public void delete(UUID id, Optional<Long> ifMatch) {
        LoggedInteraction found = require(id, ifMatch);
        interactions.delete(found.interaction());
        events.deleted(found.interaction(), found.participants(), InteractionEvents.DELETED, Instant.now());
    }

    /** A page of the log (or of one contact's timeline) as the query's user may see it, in the query's order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LoggedInteraction> page(InteractionQuery query) {
        List<UUID> ids = finder.page(query);
        Map<UUID, Interaction> byId = new java.util.HashMap<>();
        interactions.byIds(ids).forEach(i -> byId.put(i.id(), i));
        Map<UUID, String> names = new java.util.HashMap<>();
        Map<UUID, List<UUID>> with = participants.currentNamed(ids, names);
        return ids.stream().filter(byId::containsKey)
                .map(id -> new LoggedInteraction(byId.get(id), with.getOrDefault(id, List.of()), names)).toList();
    }

    /** The contact as the current user may see it: 404 for unknown, erased and other users' private contacts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ContactProjection visibleContact(UUID contactId) {
        return contacts.find(contactId, user()).orElseThrow(() -> Problems.notFound("No contact " + contactId));
    }

    private LoggedInteraction require(UUID id, Optional<Long> ifMatch) {
        LoggedInteraction found = find(id).orElseThrow(() -> Problems.notFound("No interaction " + id));
        if (ifMatch.isPresent() && ifMatch.get() != found.interaction().version()) {
            throw Problems.stale("Interaction " + id + " changed since you read it (now version "
                    + found.interaction().version() + ")");
        }
        return found;
    }

    /**
     * Each given contact as logged and who it is now, or a 422 listing every id that is not a contact the user can
     * see in this workspace (unknown, erased, another user's private one: the same answer, so none is confirmed).
     */
    /** The participants as checked, and the display names of the contacts they are now. */
    /** @param privateOwners the owners of the private contacts among them: the event's audience, known already */
    private record Checked(List<Participant> with, Map<UUID, String> names, List<String> privateOwners) {
    }

    private static Map<UUID, String> names(Map<UUID, ContactRef> contacts) {
        Map<UUID, String> names = new java.util.HashMap<>();
        contacts.forEach((id, contact) -> names.put(id, contact.displayName()));
        return names;
    }

    private Checked participantsOf(List<UUID> contactIds, String user) {
        Map<UUID, ContactRef> known = contacts.byIds(contactIds);
        List<Participant> with = new ArrayList<>();
        Map<UUID, String> names = new java.util.HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        List<String> privateOwners = new ArrayList<>();
        for (int n = 0; n < contactIds.size(); n++) {
            UUID given = contactIds.get(n);
            ContactRef contact = known.get(given);
            UUID now = contact == null || contact.mergedInto().isEmpty() ? given : contacts.resolve(given);
            if (contact != null && !now.equals(given)) {
                contact = contacts.byIds(List.of(now)).get(now);
            }
            if (contact == null || !contact.visibleTo(user)) {
                errors.add(FieldError.body("participants[" + n + "].contactId",
                        "is not a contact of this workspace you can see (a contact created a moment ago may take a moment to arrive)"));
            } else {
                with.add(new Participant(given, now));
                names.put(now, contact.displayName());
                if (contact.isPrivate()) {
                    privateOwners.add(contact.ownerId());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        return new Checked(with, names, privateOwners);
    }

    /** Who the participants are now: distinct, in the order logged. */
    private static List<UUID> current(List<Participant> with) {
        Set<UUID> seen = new HashSet<>();
        return with.stream().map(Participant::current).filter(seen::add).toList();
    }

    private String user() {
        return workspaces.currentUser().orElseThrow(() -> new IllegalStateException("No user for this work"));
    }
}
