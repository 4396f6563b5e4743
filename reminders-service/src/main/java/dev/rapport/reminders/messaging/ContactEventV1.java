package dev.rapport.reminders.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.UUID;

/** The fields of contact events this service reads; anything else the producer adds is ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactEventV1(UUID contactId, String displayName, List<String> emails) {
}
