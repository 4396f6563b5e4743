package dev.rapport.directory.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.UUID;

/** The fields of {@code contact.merged.v1} and {@code contact.merge-undone.v1} this service reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactMergeEventV1(UUID mergeId, UUID survivorId, List<UUID> absorbedIds, List<ContactEventV1> restored) {
}
