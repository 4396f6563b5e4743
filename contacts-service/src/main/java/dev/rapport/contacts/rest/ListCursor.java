package dev.rapport.contacts.rest;

import dev.rapport.contacts.service.ContactSearch;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

/**
 * The opaque {@code cursor} of a contact list: the sort it belongs to and the sort value and id of the last
 * contact served. Keyset pagination, so pages stay stable while contacts are added.
 */
record ListCursor(ContactSearch.Sort sort, String value, UUID id) {

    private static final char SEPARATOR = '\n';

    String encode() {
        String plain = sort.name() + SEPARATOR + id + SEPARATOR + value;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this service made */
    static ListCursor decode(String text) {
        String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
        String[] parts = plain.split(String.valueOf(SEPARATOR), 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a cursor");
        }
        return new ListCursor(ContactSearch.Sort.valueOf(parts[0]), parts[2], UUID.fromString(parts[1]));
    }
}
