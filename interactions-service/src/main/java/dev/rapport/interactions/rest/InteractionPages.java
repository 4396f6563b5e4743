package dev.rapport.interactions.rest;

import dev.rapport.interactions.domain.InteractionQuery;
import dev.rapport.interactions.domain.LoggedInteraction;
import dev.rapport.interactions.service.InteractionService;
import dev.rapport.kit.http.Pages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;

/** A page of interactions (the log's or a contact's timeline), with the cursor of the next in its body and a Link. */
@ApplicationScoped
public class InteractionPages {

    @Inject
    InteractionService interactions;

    Response page(InteractionQuery query, UriInfo uri) {
        // One more than asked: whether it comes back says whether there is a next page.
        List<LoggedInteraction> found = interactions.page(query.withLimit(query.limit() + 1));
        boolean more = found.size() > query.limit();
        List<LoggedInteraction> page = more ? found.subList(0, query.limit()) : found;
        String next = null;
        if (more) {
            LoggedInteraction last = page.get(page.size() - 1);
            next = new PageCursor(last.interaction().occurredAt(), last.interaction().id()).encode();
        }
        return Pages.ok(new InteractionPageView(page.stream().map(l -> InteractionView.of(l, l.names())).toList(), next),
                next, uri);
    }
}
