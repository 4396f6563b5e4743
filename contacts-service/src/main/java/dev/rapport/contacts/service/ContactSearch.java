package dev.rapport.contacts.service;

import dev.rapport.contacts.domain.Relationship;

import java.time.Instant;
import java.time.MonthDay;
import java.util.List;
import java.util.UUID;

/**
 * What a client asks of a contact list or export: folded search terms, filters, an order, and where the previous
 * page ended ({@code afterValue}, {@code afterId}: the sort value and id of its last contact). The tag is as the
 * client spelled it; {@link ContactQueries} turns the search into the repository's query.
 */
public record ContactSearch(
        List<String> terms, String tag, String company, String city, Relationship relationship, String owner,
        Instant updatedSince, MonthDay birthdayFrom, MonthDay birthdayTo,
        Sort sort, String afterValue, UUID afterId, int limit) {

    /** The same search, {@code size} contacts at most (one more than a page tells whether another follows). */
    public ContactSearch withLimit(int size) {
        return new ContactSearch(terms, tag, company, city, relationship, owner, updatedSince, birthdayFrom,
                birthdayTo, sort, afterValue, afterId, size);
    }

    public enum Sort {
        NAME, NAME_DESC, UPDATED, UPDATED_DESC, CREATED, CREATED_DESC
    }
}
