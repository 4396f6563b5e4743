package dev.rapport.contacts.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(name = "DuplicateCandidate", description = "Two contacts that may be the same person")
public record DuplicateView(Side a, Side b,
                            @Schema(required = true, description = "0..1: how likely they are the same person", examples = "0.99") double score,
                            @Schema(examples = "[\"same email ada@example.org\"]") List<String> reasons) {

    @Schema(name = "DuplicateSide")
    public record Side(@Schema(required = true) UUID id, String displayName) {
    }
}
