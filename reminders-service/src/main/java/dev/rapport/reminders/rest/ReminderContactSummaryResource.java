package dev.rapport.reminders.rest;

import dev.rapport.directory.rest.ContactSummaryResource;
import jakarta.ws.rs.Path;

/** A contact as this service's contact directory holds it ({@link ContactSummaryResource#path(String)}). */
@Path("/v1/contact-directory/reminders")
public class ReminderContactSummaryResource extends ContactSummaryResource {
}
