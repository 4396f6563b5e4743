package dev.rapport.kit.changes;

import com.fasterxml.jackson.annotation.JsonRawValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** One change as a CloudEvent in its JSON format: the event the service published, as consumers received it. */
@Schema(name = "Change", description = "One change: the event as published, in the CloudEvents JSON format")
public record Change(
        @Schema(required = true, enumeration = "1.0") String specversion,
        @Schema(required = true, description = "The event id: the same change is never sent under two ids") String id,
        @Schema(required = true, description = "The service that made the change", examples = "/rapport/contacts-service") String source,
        @Schema(required = true, description = "What happened; its data's JSON Schema is in the service's AsyncAPI document",
                examples = "dev.rapport.contact.updated.v1") String type,
        @Schema(required = true, description = "The id of what changed (contact, interaction, reminder)") String subject,
        @Schema(required = true) OffsetDateTime time,
        @Schema(required = true, enumeration = "application/json") String datacontenttype,
        @Schema(required = true, type = SchemaType.OBJECT, description = "The event's payload") @JsonRawValue String data) {
}
