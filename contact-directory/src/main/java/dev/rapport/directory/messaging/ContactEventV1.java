package dev.rapport.directory.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.UUID;

/**
 * The fields of contact events this service reads ({@code created}, {@code updated}, {@code restored},
 * {@code deleted});
 * anything else the producer adds is ignored. Events from before versions existed count as version 0.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactEventV1(UUID contactId, String displayName, List<String> emails, Birthday birthday,
                             String ownerId, String visibility, String relationship, List<String> tags,
                             Long version) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Birthday(Integer month, Integer day, Integer year) {
    }

    public long versionOrZero() {
        return version == null ? 0 : version;
    }
}
