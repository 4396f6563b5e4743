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
import java.util.Map;
import java.util.UUID;

/** Workspace-wide tags: renaming or deleting one changes every contact that carries it, in one transaction. */
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

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TagUsage> list() {
        Map<String, Long> usage = tags.usage(workspaces.currentUser().orElseThrow());
        return tags.all().stream().map(tag -> new TagUsage(tag, usage.getOrDefault(tag.name(), 0L))).toList();
    }

    @Transactional
    public TagUsage rename(UUID id, String newName) {
        Tag tag = require(id);
        String name = newName.strip();
        tags.findByName(name).filter(other -> !other.id().equals(id)).ifPresent(other -> {
            throw Problems.conflict("A tag named '" + other.name() + "' already exists");
        });
        String old = tag.name();
        tag.rename(name);
        List<Contact> tagged = contacts.withTag(old);
        tagged.forEach(contact -> contact.renameTag(old, name));
        contacts.flush();
        tagged.forEach(contact -> events.updated(contact, new ContactChanges(List.of("tags"), List.of())));
        return new TagUsage(tag, tagged.size());
    }

    @Transactional
    public void delete(UUID id) {
        Tag tag = require(id);
        List<Contact> tagged = contacts.withTag(tag.name());
        tagged.forEach(contact -> contact.removeTag(tag.name()));
        tags.delete(tag);
        contacts.flush();
        tagged.forEach(contact -> events.updated(contact, new ContactChanges(List.of("tags"), List.of())));
    }

    private Tag require(UUID id) {
        return tags.findByIdOptional(id).orElseThrow(() -> Problems.notFound("No tag " + id));
    }
}
