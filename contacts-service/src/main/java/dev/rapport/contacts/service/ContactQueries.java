package dev.rapport.contacts.service;

import dev.rapport.contacts.domain.Tag;
import dev.rapport.contacts.repository.ContactQuery;
import dev.rapport.contacts.repository.TagRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** Turns what a client asked for into what the database stores, for lists and exports alike. */
@ApplicationScoped
public class ContactQueries {

    @Inject
    TagRepository tags;

    /** The query with the workspace's spelling of its tag; empty when no such tag exists (nothing can match). */
    public Optional<ContactQuery> resolve(ContactQuery query) {
        if (query.tag() == null) {
            return Optional.of(query);
        }
        return tags.findByName(query.tag()).map(Tag::name).map(query::withTag);
    }
}
