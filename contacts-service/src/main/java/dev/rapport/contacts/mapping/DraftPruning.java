package dev.rapport.contacts.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.contacts.domain.ContactDraft;
import dev.rapport.kit.problem.FieldError;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    /** A field, the list item when the error is about one ({@code emails[2].address} → emails, 2), and the part. */
    private static final Pattern PATH = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?(?:\\.([A-Za-z]+))?.*");
    /** Parts that are left out alone, keeping the rest of their field: a birthday's wrong year leaves its day. */
    private static final Set<String> OPTIONAL_PARTS = Set.of("birthday.year");
    private static final String BIRTHDAY = "birthday";

    private DraftPruning() {
    }

    record Pruned(ContactDraft draft, List<String> warnings) {
    }

    private record Target(String field, Integer item, String part) {
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
            String part = m.group(2) == null && OPTIONAL_PARTS.contains(m.group(1) + "." + m.group(3)) ? m.group(3) : null;
            Target target = new Target(m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2)), part);
            JsonNode value = target.item() == null ? tree.path(target.field()) : tree.path(target.field()).path(target.item());
            JsonNode removed = part == null ? value : value.path(part);
            // A missing value cannot be left out (a row with no name stays invalid): the row fails with it.
            if (!removed.isMissingNode() && !removed.isNull() && targets.putIfAbsent(target, error.message()) == null) {
                warnings.add(part != null
                        ? target.field() + " '" + shown(target.field(), value) + "' imported without its " + part + ": the "
                                + part + " " + error.message()
                        : error.field() + " '" + shown(target.field(), value) + "' not imported: " + error.message());
            }
        }
        // Items last to first, so removing one does not move the others.
        targets.keySet().stream().sorted(Comparator.comparing((Target t) -> t.item() == null ? -1 : t.item()).reversed())
                .forEach(target -> {
                    if (target.part() != null && tree.get(target.field()) instanceof ObjectNode whole) {
                        whole.putNull(target.part());
                    } else if (target.item() == null) {
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

    /** A value as it is; a birthday as a date; a list item by its texts and numbers (a phone as "12 mobile"). */
    private static String shown(String field, JsonNode value) {
        if (value.isValueNode()) {
            return value.asText();
        }
        if (field.equals(BIRTHDAY)) {
            return birthday(value);
        }
        return StreamSupport.stream(value.spliterator(), false).filter(v -> v.isTextual() || v.isNumber())
                .map(JsonNode::asText).collect(Collectors.joining(" "));
    }

    /** {@code 1985-04-12}; {@code --04-12} without a year; {@code --02-30 (1985)} for a day that year does not have. */
    private static String birthday(JsonNode birthday) {
        String day = String.format("--%02d-%02d", birthday.path("month").asInt(), birthday.path("day").asInt());
        if (!birthday.path("year").isNumber()) {
            return day;
        }
        try {
            return LocalDate.of(birthday.path("year").asInt(), birthday.path("month").asInt(), birthday.path("day").asInt()).toString();
        } catch (DateTimeException e) {
            return day + " (" + birthday.path("year").asInt() + ")";
        }
    }
}
