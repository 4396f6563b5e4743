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
    public Optional<ContactQuery> resolve(ContactSearch search) {
        ContactQuery query = new ContactQuery(search.terms(), search.tag(), search.company(), search.city(),
                search.relationship(), search.owner(), search.updatedSince(), search.birthdayFrom(), search.birthdayTo(),
                sort(search.sort()), search.afterValue(), search.afterId(), search.limit());
        if (query.tag() == null) {
            return Optional.of(query);
        }
        return tags.findByName(query.tag()).map(Tag::name).map(query::withTag);
    }

    private static ContactQuery.Sort sort(ContactSearch.Sort sort) {
        return switch (sort) {
            case NAME -> ContactQuery.Sort.NAME;
            case NAME_DESC -> ContactQuery.Sort.NAME_DESC;
            case UPDATED -> ContactQuery.Sort.UPDATED;
            case UPDATED_DESC -> ContactQuery.Sort.UPDATED_DESC;
            case CREATED -> ContactQuery.Sort.CREATED;
            case CREATED_DESC -> ContactQuery.Sort.CREATED_DESC;
        };
    }
}
