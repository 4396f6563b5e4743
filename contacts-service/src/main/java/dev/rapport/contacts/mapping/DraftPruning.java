package dev.rapport.contacts.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.contacts.domain.ContactDraft;
import dev.rapport.kit.http.Text;
import dev.rapport.kit.problem.FieldError;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Leaves the invalid fields and list items of a draft out (by the paths of its field errors, e.g.
 * {@code emails[2].address} or {@code birthday}), saying for each what was left out and why.
 */
final class DraftPruning {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A field, and the list item when the error is about one ({@code emails[2].address} → emails, 2). */
    private static final Pattern PATH = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?.*");

    private DraftPruning() {
    }

    record Pruned(ContactDraft draft, List<String> warnings) {
    }

    private record Target(String field, Integer item) {
    }

    static Pruned without(ContactDraft in, List<FieldError> errors) {
        ObjectNode tree = JSON.valueToTree(in);
        Map<Target, String> targets = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (FieldError error : errors) {
            Matcher m = PATH.matcher(error.field());
            if (!m.matches()) {
                continue;
            }
            Target target = new Target(m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2)));
            JsonNode value = target.item() == null ? tree.path(target.field()) : tree.path(target.field()).path(target.item());
            // A missing value cannot be left out (a row with no name stays invalid): the row fails with it.
            if (!value.isMissingNode() && !value.isNull() && targets.putIfAbsent(target, error.message()) == null) {
                warnings.add(error.field() + " '" + shown(value) + "' not imported: " + error.message());
            }
        }
        // Items last to first, so removing one does not move the others.
        targets.keySet().stream().sorted(Comparator.comparing((Target t) -> t.item() == null ? -1 : t.item()).reversed())
                .forEach(target -> {
                    if (target.item() == null) {
                        tree.putNull(target.field());
                    } else if (tree.get(target.field()) instanceof ArrayNode list) {
                        list.remove(target.item());
                    }
                });
        try {
            return new Pruned(JSON.treeToValue(tree, ContactDraft.class), warnings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A draft without some of its fields is still a draft", e);
        }
    }

    /** A value as it is; a list item or birthday by its texts and numbers (a phone as "12 mobile"). */
    private static String shown(JsonNode value) {
        if (value.isValueNode()) {
            return Text.storable(value.asText());
        }
        return Text.storable(StreamSupport.stream(value.spliterator(), false).filter(v -> v.isTextual() || v.isNumber())
                .map(JsonNode::asText).collect(Collectors.joining(" ")));
    }
}
