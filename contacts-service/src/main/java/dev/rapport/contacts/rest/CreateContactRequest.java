package dev.rapport.contacts.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CreateContact", description = "A new contact: a name to show and, optionally, one email.")
public record CreateContactRequest(
        @Schema(examples = "Ada Lovelace") @NotBlank @Size(max = 200) String displayName,
        @Schema(examples = "ada@example.org") @Email @Size(max = 320) String email) {
}
