package dev.rapport.interactions.rest;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The opaque {@code cursor} of a page: the time (null for "never", in the lost-touch list) and id of the last item
 * served. Keyset pagination, so pages stay stable while interactions are logged.
 */
record PageCursor(Instant at, UUID id) {

    private static final String NEVER = "-";

    String encode() {
        String plain = (at == null ? NEVER : at.toString()) + "/" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException when the text is not a cursor this service made */
    static PageCursor decode(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("/", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("not a cursor");
            }
            return new PageCursor(parts[0].equals(NEVER) ? null : Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("not a cursor", e);
        }
    }
}
