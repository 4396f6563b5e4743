package dev.rapport.interactions.service;

import dev.rapport.interactions.domain.LastTouch;
import dev.rapport.interactions.domain.ContactFigures;
import dev.rapport.interactions.repository.InteractionFinder;
import dev.rapport.kit.tenancy.WorkspaceContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** How much and how lately the user has been in touch: per contact, and across the workspace's contacts. */
@ApplicationScoped
public class InteractionStats {

    @Inject
    InteractionFinder finder;

    @Inject
    WorkspaceContext workspaces;

    @Transactional(Transactional.TxType.SUPPORTS)
    public ContactFigures ofContact(UUID contactId, Instant now) {
        return finder.figures(contactId, user(), now);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LastTouch> lastTouches(String tag, String relationship, Instant now, boolean afterNever,
                                                         Instant afterAt, UUID afterId, int limit) {
        return finder.lastTouches(user(), tag, relationship, now, afterNever, afterAt, afterId, limit);
    }

    private String user() {
        return workspaces.currentUser().orElseThrow(() -> new IllegalStateException("No user for this work"));
    }
}
