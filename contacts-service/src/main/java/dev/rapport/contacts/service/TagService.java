package dev.rapport.contacts.service;

import dev.rapport.contacts.domain.Contact;
import dev.rapport.contacts.domain.ContactChanges;
import dev.rapport.contacts.domain.Tag;
import dev.rapport.contacts.messaging.ContactEvents;
import dev.rapport.contacts.repository.ContactRepository;
import dev.rapport.contacts.repository.TagRepository;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.WorkspaceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Workspace-wide tag names, seen through the contacts each user can see: renaming or deleting one changes the
 * contacts that user can see, in one transaction, and never another user's private contacts.
 */
@ApplicationScoped
public class TagService {

    @Inject
    TagRepository tags;

    @Inject
    ContactRepository contacts;

    @Inject
    ContactEvents events;

    @Inject
    WorkspaceContext workspaces;

    public record TagUsage(Tag tag, long contacts) {
    }

    /** The tags on contacts the current user can see: a tag only another user's private contacts carry stays unknown. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TagUsage> list() {
        Map<String, Long> usage = tags.usage(user());
        return tags.all().stream().filter(tag -> usage.containsKey(key(tag.name())))
                .map(tag -> new TagUsage(tag, usage.get(key(tag.name())))).toList();
    }

    /**
     * Renames the tag on the contacts the current user can see. Other users' private contacts keep the old name
     * (and the tag), so nobody changes what they cannot see; a name only such contacts use is joined, not refused.
     */
    @Transactional
    public TagUsage rename(UUID id, String newName) {
        String user = user();
        Carriers carriers = require(id, user);
        String old = carriers.tag().name();
        String name = newName.strip();
        Optional<Tag> existing = tags.findByName(name).filter(other -> !other.id().equals(id));
        if (existing.isPresent() && !carriers(existing.get(), user).visible().isEmpty()) {
            throw Problems.conflict("A tag named '" + existing.get().name() + "' already exists");
        }
        Tag renamed;
        List<Contact> changed = carriers.visible();
        if (existing.isPresent()) {
            renamed = existing.get();
        } else if (carriers.hidden() && !sameIgnoringCase(old, name)) {
            renamed = new Tag(name);
            tags.persist(renamed);
        } else {
            // A change of case only renames the one workspace-wide spelling, on every contact.
            renamed = carriers.tag();
            renamed.rename(name);
            changed = carriers.all();
        }
        if (!carriers.hidden() && renamed != carriers.tag()) {
            tags.delete(carriers.tag());
        }
        changed.forEach(contact -> contact.renameTag(old, renamed.name()));
        announce(changed);
        return new TagUsage(renamed, changed.size());
    }

    /** Removes the tag from the contacts the current user can see; it lives on where others' private contacts carry it. */
    @Transactional
    public void delete(UUID id) {
        String user = user();
        Carriers carriers = require(id, user);
        carriers.visible().forEach(contact -> contact.removeTag(carriers.tag().name()));
        if (!carriers.hidden()) {
            tags.delete(carriers.tag());
        }
        announce(carriers.visible());
    }

    /** The contacts carrying a tag, and those of them the user can see. */
    private record Carriers(Tag tag, List<Contact> all, List<Contact> visible) {
        /** Whether contacts the user cannot see carry it too. */
        boolean hidden() {
            return visible.size() < all.size();
        }
    }

    private Carriers carriers(Tag tag, String user) {
        List<Contact> all = contacts.withTag(tag.name());
        return new Carriers(tag, all, all.stream().filter(contact -> contact.visibleTo(user)).toList());
    }

    private void announce(List<Contact> changed) {
        contacts.flush();
        changed.forEach(contact -> events.updated(contact, new ContactChanges(List.of("tags"), List.of())));
    }

    /** 404 for a tag no contact the user can see carries: as if it did not exist, like another workspace's. */
    private Carriers require(UUID id, String user) {
        return tags.findByIdOptional(id).map(tag -> carriers(tag, user)).filter(carriers -> !carriers.visible().isEmpty())
                .orElseThrow(() -> Problems.notFound("No tag " + id));
    }

    private String user() {
        return workspaces.currentUser().orElseThrow();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private static boolean sameIgnoringCase(String a, String b) {
        return key(a).equals(key(b));
    }
}
