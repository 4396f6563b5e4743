package dev.rapport.reminders.rest;

import dev.rapport.kit.http.StrictJson;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import dev.rapport.kit.tenancy.Roles;
import dev.rapport.kit.tenancy.WorkspaceContext;
import dev.rapport.reminders.domain.UserSettings;
import dev.rapport.reminders.service.Settings;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static dev.rapport.reminders.rest.ReminderResource.PROBLEM;

@Path("/v1/reminder-settings")
@Tag(name = "Reminder settings", description = "Your time zone and birthday lead days")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or invalid token", content = @Content(mediaType = PROBLEM))
public class SettingsResource {

    @Inject
    Settings settings;

    @Inject
    StrictJson strictJson;

    @Inject
    WorkspaceContext workspaces;

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN, Roles.READER})
    @Operation(operationId = "getReminderSettings", summary = "Your reminder settings (the service's defaults until you set them)")
    @APIResponse(responseCode = "200", description = "Your settings", content = @Content(schema = @Schema(implementation = SettingsInput.class)))
    public SettingsInput get() {
        return view(settings.of(user()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.MEMBER, Roles.ADMIN})
    @Operation(operationId = "putReminderSettings", summary = "Set your time zone and birthday lead days",
            description = "Your date-only reminders begin with your day in the new zone.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = SettingsInput.class)))
    @APIResponse(responseCode = "200", description = "Your settings", content = @Content(schema = @Schema(implementation = SettingsInput.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "Read-only role", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "422", description = "Invalid fields, all listed in `violations`", content = @Content(mediaType = PROBLEM))
    public SettingsInput put(String body) {
        SettingsInput input = strictJson.read(strictJson.tree(body), SettingsInput.class);
        List<FieldError> errors = new ArrayList<>();
        ZoneId zone = null;
        if (input.timeZone() == null) {
            errors.add(FieldError.body("timeZone", "must not be null"));
        } else {
            zone = ReminderInputReader.zone("timeZone", input.timeZone(), errors);
        }
        if (input.birthdayLeadDays() == null) {
            errors.add(FieldError.body("birthdayLeadDays", "must not be null"));
        } else if (input.birthdayLeadDays() < 0 || input.birthdayLeadDays() > 60) {
            errors.add(FieldError.body("birthdayLeadDays", "must be a whole number from 0 to 60"));
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        return view(settings.save(user(), zone, input.birthdayLeadDays()));
    }

    private static SettingsInput view(UserSettings mine) {
        return new SettingsInput(mine.timeZone().getId(), mine.birthdayLeadDays());
    }

    private String user() {
        return workspaces.currentUser().orElseThrow();
    }
}
