package dev.rapport.contacts.rest;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "WorkspaceSettings")
public record WorkspaceSettingsView(
        @Schema(description = "ISO 3166 region for phone numbers written without a country code", examples = "GB", nullable = true)
        @Size(max = 2) String defaultPhoneRegion) {
}
