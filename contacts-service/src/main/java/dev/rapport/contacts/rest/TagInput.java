package dev.rapport.contacts.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TagInput")
public record TagInput(@Schema(examples = "angel investors") @NotBlank @Size(max = 60) String name) {
}
