package dev.rapport.contacts.mapping.imports;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.contacts.domain.ContactDraft;

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
                writtenPhones(item);
                ContactDraft draft = JSON.treeToValue(item, ContactDraft.class);
                rows.add(ImportCandidate.of(i + 1, item.path("id").asText(null), draft));
            } catch (IOException | IllegalArgumentException e) {
                rows.add(ImportCandidate.unreadable(i + 1, "Unreadable contact: " + e.getMessage()));
            }
        }
        return rows;
    }

    /**
     * An export's phones have their number in E.164 ({@code number}) and as written ({@code original}); one that
     * could not be normalised has only the original, which is then read (it would fail as a null number).
     */
    private static void writtenPhones(JsonNode contact) {
        for (JsonNode phone : contact.path("phones")) {
            if (phone instanceof ObjectNode fields && !phone.path("number").isTextual() && phone.path("original").isTextual()) {
                fields.set("number", phone.get("original"));
            }
        }
    }
}
