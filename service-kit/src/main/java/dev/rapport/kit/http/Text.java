package dev.rapport.kit.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** What text from a client may hold to be stored and sent on: no NUL, no unpaired UTF-16 surrogate. */
public final class Text {

    public static final String UNSTORABLE = "must not contain the NUL character (\\u0000) or an unpaired surrogate";

    private Text() {
    }

    public static boolean isStorable(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** The path ({@code emails[0].label}) of the first string, value or field name, that fails {@code acceptable}. */
    public static Optional<String> firstFailing(JsonNode node, Predicate<String> acceptable) {
        return firstFailing(node, "", acceptable);
    }

    private static Optional<String> firstFailing(JsonNode node, String path, Predicate<String> acceptable) {
        if (node.isTextual()) {
            return acceptable.test(node.textValue()) ? Optional.empty() : Optional.of(path);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (!acceptable.test(field.getKey())) {
                return Optional.of(at);
            }
            Optional<String> found = firstFailing(field.getValue(), at, acceptable);
            if (found.isPresent()) {
                return found;
            }
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            Optional<String> found = firstFailing(node.get(i), path + "[" + i + "]", acceptable);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
