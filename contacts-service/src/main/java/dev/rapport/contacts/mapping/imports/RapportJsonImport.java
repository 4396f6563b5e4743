package dev.rapport.contacts.mapping.imports;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.contacts.rest.ContactInput;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rapport's own JSON: an array of contacts as {@code GET /v1/contacts/export?format=json} writes them (or of
 * contact inputs). Read-only fields of an export (id, version, ...) are ignored; the id is the source id.
 */
public final class RapportJsonImport {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private RapportJsonImport() {
    }

    public static List<ImportCandidate> read(byte[] file) {
        JsonNode root;
        try {
            root = JSON.readTree(file);
        } catch (IOException e) {
            throw new InvalidImportFile("Not JSON: " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new InvalidImportFile("Rapport JSON is an array of contacts");
        }
        List<ImportCandidate> rows = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode item = root.get(i);
            try {
                ContactInput input = JSON.treeToValue(item, ContactInput.class);
                rows.add(ImportCandidate.of(i + 1, item.path("id").asText(null), input));
            } catch (IOException | IllegalArgumentException e) {
                rows.add(ImportCandidate.unreadable(i + 1, "Unreadable contact: " + e.getMessage()));
            }
        }
        return rows;
    }
}
