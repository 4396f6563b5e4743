package dev.rapport.interactions.rest;

import dev.rapport.kit.changes.ChangesResource;
import jakarta.ws.rs.Path;

/** This service's changes feed ({@link ChangesResource#path(String)}). */
@Path("/v1/changes/interactions")
public class InteractionsChangesResource extends ChangesResource {
}
