package dev.rapport.reminders.rest;

import dev.rapport.kit.changes.ChangesResource;
import jakarta.ws.rs.Path;

/** This service's changes feed ({@link ChangesResource#path(String)}). */
@Path("/v1/changes/reminders")
public class RemindersChangesResource extends ChangesResource {
}
