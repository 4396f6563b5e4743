package dev.rapport.contacts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Schema(name = "MergeInput", additionalProperties = Schema.False.class)
public record MergeInput(
        @Schema(description = "The contacts to merge into this one (1 to 50)", required = true)
        List<UUID> absorb,
        @Schema(description = "Single-valued fields to take from another contact than this one, by field name: the id of "
                + "this contact or of one being absorbed. Otherwise this contact's value stays, and an empty field takes "
                + "the first absorbed contact's value. Emails, phones, social profiles, websites and tags are always combined.",
                examples = "{\"company\": \"0193a4c2-7f1e-7cc1-8c3e-0f6f1d2b3a4d\"}")
        Map<String, UUID> choose) {
}
