package dev.rapport.directory.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * What a use case needs to name a contact and decide who may see it: read many at once, without loading the
 * projection's entities (a request that names a few contacts should not pay for more).
 */
public record ContactRef(UUID contactId, String displayName, String ownerId, String visibility, boolean erased,
                         UUID survivorId) {

    /** As {@link ContactProjection#visibleTo}: not erased, and not another user's private contact. */
    public boolean visibleTo(String user) {
        return ContactProjection.visible(erased, visibility, ownerId, user);
    }

    /** Private: only its owner may read what is said of it. */
    public boolean isPrivate() {
        return "private".equals(visibility);
    }

    /** The contact it was merged into, until the merge is undone. */
    public Optional<UUID> mergedInto() {
        return Optional.ofNullable(survivorId);
    }
}
