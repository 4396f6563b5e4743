package dev.rapport.kit.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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

    /** {@code text} with each NUL and unpaired surrogate replaced by U+FFFD: safe to store and show, e.g. in a warning. */
    public static String storable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(c == '\u0000' || Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** The path ({@code emails[0].label}) of the first string, value or field name, that fails {@code acceptable}. */
    public static Optional<String> firstFailing(JsonNode node, Predicate<String> acceptable) {
        return failing(node, acceptable).stream().findFirst();
    }

    /** The paths of every string, value or field name, that fails {@code acceptable}, in document order. */
    public static List<String> failing(JsonNode node, Predicate<String> acceptable) {
        List<String> paths = new ArrayList<>();
        collectFailing(node, "", acceptable, paths);
        return paths;
    }

    private static void collectFailing(JsonNode node, String path, Predicate<String> acceptable, List<String> paths) {
        if (node.isTextual() && !acceptable.test(node.textValue())) {
            paths.add(path);
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String at = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (!acceptable.test(field.getKey())) {
                paths.add(at);
            }
            collectFailing(field.getValue(), at, acceptable, paths);
        }
        for (int i = 0; node.isArray() && i < node.size(); i++) {
            collectFailing(node.get(i), path + "[" + i + "]", acceptable, paths);
        }
    }
}
