package dev.rapport.contacts.mapping.imports;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rapport.contacts.domain.ContactDraft;
import dev.rapport.kit.http.Text;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Rapport's own JSON: an array of contacts as {@code GET /v1/contacts/export?format=json} writes them (or of
 * contact inputs). Read-only fields of an export (id, version, ...) are ignored; the id is the source id. As in
 * every import, nothing is dropped unsaid: a field no contact has, a field written twice in one object, or a value
 * of the wrong kind is left out with a row warning, and a row that is no object fails with a reason in plain words.
 * A file that is not JSON fails with the line where it stops being JSON.
 */
public final class RapportJsonImport {

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    private static final int SHOWN_VALUE = 120;
    /** What an export writes beside a contact's fields: known, and not the importer's to keep. */
    private static final Map<Class<?>, Set<String>> EXPORT_ONLY = Map.of(
            ContactDraft.class, Set.of("id", "version", "ownerId", "createdBy", "createdAt", "updatedAt"),
            ContactDraft.Phone.class, Set.of("original", "normalized"));
    private static final Map<Class<?>, String> NOUNS = Map.of(ContactDraft.class, "a contact",
            ContactDraft.Email.class, "an email", ContactDraft.Phone.class, "a phone",
            ContactDraft.SocialProfile.class, "a social profile", ContactDraft.Website.class, "a website",
            ContactDraft.Birthday.class, "a birthday");
    /** Parts of a list item or of the birthday that can be left out alone; without any other, the item goes. */
    private static final Set<String> OPTIONAL_PARTS = Set.of("label", "primary", "kind", "handle", "year");

    private RapportJsonImport() {
    }

    /** One object of the array as it was written, with the fields it wrote more than once. */
    private record Item(JsonNode node, Map<String, List<JsonNode>> repeated) {
    }

    public static List<ImportCandidate> read(byte[] file) {
        List<ImportCandidate> rows = new ArrayList<>();
        List<Item> items = items(file);
        for (int i = 0; i < items.size(); i++) {
            rows.add(row(i + 1, items.get(i)));
        }
        return rows;
    }

    private static ImportCandidate row(int row, Item item) {
        if (!(item.node() instanceof ObjectNode contact)) {
            return ImportCandidate.unreadable(row, "Not a contact: row " + row + " is " + kind(item.node())
                    + ", not a JSON object ({\"givenName\": ...})");
        }
        String sourceId = contact.path("id").isValueNode() ? contact.path("id").asText() : null;
        List<String> warnings = new ArrayList<>();
        item.repeated().forEach((path, values) -> {
            warnings.add(path + " " + values.stream().map(v -> "'" + shown(v) + "'").collect(Collectors.joining(" and "))
                    + " not imported: written more than once, so which one is meant cannot be told");
            remove(contact, path);
        });
        writtenPhones(contact);
        unknown(contact, ContactDraft.class, "", warnings);
        return ImportCandidate.of(row, sourceId, draft(contact, warnings), List.of(), warnings);
    }

    /**
     * The array's items. Read by hand rather than as one tree, so that a field written twice is seen (a tree keeps
     * the last silently) and a file that is not JSON is refused with where and why in the user's words.
     */
    private static List<Item> items(byte[] file) {
        ImportText.Decoded decoded = ImportText.whole(file);
        if (decoded.guessed()) {
            throw new InvalidImportFile("Not JSON: the file is not UTF-8 text, as JSON is (line "
                    + decoded.guessedLines().stream().min(Integer::compare).orElseThrow() + " holds a byte that is not)");
        }
        try (JsonParser parser = JSON.getFactory().createParser(decoded.text())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new InvalidImportFile("The file is empty: Rapport JSON is an array of contacts ([{...}, ...])");
            }
            if (first != JsonToken.START_ARRAY) {
                throw new InvalidImportFile("Rapport JSON is an array of contacts ([{...}, ...]); this file holds "
                        + kind(JSON.readTree(parser)));
            }
            List<Item> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                Map<String, List<JsonNode>> repeated = new LinkedHashMap<>();
                items.add(new Item(value(parser, "", repeated), repeated));
            }
            if (parser.nextToken() != null) {
                throw new InvalidImportFile("Not JSON: more follows the array's end, at line " + parser.currentTokenLocation().getLineNr());
            }
            return items;
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            throw new InvalidImportFile("Not JSON: " + (e instanceof JsonEOFException
                    ? "the file ends before its JSON does (line " + line + ")"
                    : "the text stops being JSON at line " + line
                    + (e.getLocation() == null ? "" : ", column " + e.getLocation().getColumnNr())));
        } catch (IOException e) {
            throw new InvalidImportFile("Not JSON: the file cannot be read as text");
        }
    }

    /** The value at the parser's current token; a field written twice in an object is noted by its path. */
    private static JsonNode value(JsonParser parser, String path, Map<String, List<JsonNode>> repeated) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.START_OBJECT) {
            ObjectNode object = JSON.createObjectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                String at = path.isEmpty() ? name : path + "." + name;
                parser.nextToken();
                JsonNode field = value(parser, at, repeated);
                JsonNode before = object.replace(name, field);
                if (before != null) {
                    repeated.computeIfAbsent(at, p -> new ArrayList<>(List.of(before))).add(field);
                }
            }
            return object;
        }
        if (token == JsonToken.START_ARRAY) {
            ArrayNode array = JSON.createArrayNode();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                array.add(value(parser, path + "[" + array.size() + "]", repeated));
            }
            return array;
        }
        return JSON.readTree(parser);
    }

    /**
     * Leaves out every field {@code type} does not have, with a warning; an export's own fields silently. Lists
     * and objects of the contact are walked too.
     */
    private static void unknown(ObjectNode node, Class<?> type, String path, List<String> warnings) {
        Map<String, RecordComponent> fields = Arrays.stream(type.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, Function.identity()));
        for (String name : names(node)) {
            RecordComponent field = fields.get(name);
            JsonNode value = node.get(name);
            if (field == null) {
                if (!EXPORT_ONLY.getOrDefault(type, Set.of()).contains(name)) {
                    warnings.add(path + name + " '" + shown(value) + "' not imported: not a field of " + NOUNS.get(type));
                }
                node.remove(name);
            } else if (field.getType().isRecord() && value instanceof ObjectNode object) {
                unknown(object, field.getType(), path + name + ".", warnings);
            } else if (List.class.isAssignableFrom(field.getType()) && value instanceof ArrayNode list
                    && field.getGenericType() instanceof ParameterizedType generic
                    && generic.getActualTypeArguments()[0] instanceof Class<?> itemType && itemType.isRecord()) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) instanceof ObjectNode object) {
                        unknown(object, itemType, path + name + "[" + i + "].", warnings);
                    }
                }
            }
        }
    }

    /**
     * The row as a draft. A value of the wrong kind ({@code "emails": "x"}) is left out with a warning saying what
     * it must be (an optional part alone, else its list item, else the field), and the rest read again.
     */
    private static ContactDraft draft(ObjectNode contact, List<String> warnings) {
        for (int attempt = 0; ; attempt++) {
            try {
                return JSON.treeToValue(contact, ContactDraft.class);
            } catch (MismatchedInputException e) {
                List<JsonMappingException.Reference> path = e.getPath();
                if (path.isEmpty() || attempt > 200) {
                    throw new IllegalStateException("a row left with nothing of the wrong kind still reads", e);
                }
                String wrong = pathOf(path, path.size());
                String last = path.get(path.size() - 1).getFieldName();
                int kept = last != null && OPTIONAL_PARTS.contains(last) ? path.size()
                        : path.size() >= 2 && path.get(1).getIndex() >= 0 ? 2 : 1;
                String left = pathOf(path, kept);
                JsonNode value = contact.at(pointerOf(path, kept));
                warnings.add(left + " '" + shown(value) + "' not imported: "
                        + (left.equals(wrong) ? "" : wrong.substring(left.length()).replaceFirst("^\\.", "") + " ")
                        + "must be " + expected(e.getTargetType()));
                remove(contact, left);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a tree of the row reads as a draft or as a wrong kind", e);
            }
        }
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == Integer.class || type == int.class || type == Long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static String pathOf(List<JsonMappingException.Reference> path, int length) {
        StringBuilder text = new StringBuilder();
        for (JsonMappingException.Reference step : path.subList(0, length)) {
            if (step.getIndex() >= 0) {
                text.append('[').append(step.getIndex()).append(']');
            } else {
                text.append(text.isEmpty() ? "" : ".").append(step.getFieldName());
            }
        }
        return text.toString();
    }

    private static String pointerOf(List<JsonMappingException.Reference> path, int length) {
        return path.subList(0, length).stream()
                .map(step -> "/" + (step.getIndex() >= 0 ? String.valueOf(step.getIndex())
                        : step.getFieldName().replace("~", "~0").replace("/", "~1")))
                .collect(Collectors.joining());
    }

    /** Removes the field or list item at a path such as {@code givenName}, {@code emails[1]} or {@code birthday.year}. */
    private static void remove(ObjectNode contact, String path) {
        JsonNode parent = contact;
        String[] steps = path.replace("[", ".[").split("\\.");
        for (int i = 0; i < steps.length; i++) {
            String step = steps[i];
            boolean last = i == steps.length - 1;
            if (step.startsWith("[")) {
                int index = Integer.parseInt(step.substring(1, step.length() - 1));
                if (last && parent instanceof ArrayNode list && index < list.size()) {
                    list.remove(index);
                }
                parent = parent.path(index);
            } else {
                if (last && parent instanceof ObjectNode object) {
                    object.remove(step);
                }
                parent = parent.path(step);
            }
        }
    }

    private static List<String> names(ObjectNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String kind(JsonNode node) {
        if (node == null || node.isNull()) {
            return "null";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isTextual()) {
            return "text";
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        return node.isArray() ? "a list" : "an object";
    }

    private static String shown(JsonNode value) {
        String text = value.isValueNode() ? value.asText() : value.toString();
        text = text.length() > SHOWN_VALUE ? text.substring(0, SHOWN_VALUE) + "…" : text;
        return text.replace('\n', ' ');
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
