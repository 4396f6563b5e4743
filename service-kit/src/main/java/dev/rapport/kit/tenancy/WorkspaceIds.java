package dev.rapport.kit.tenancy;

import jakarta.json.JsonString;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shape of a workspace id, wherever one arrives (a token's claim, an event's {@code workspaceid}): 1 to 63
 * letters, digits, dots, underscores or hyphens, starting with a letter or digit. Tight on purpose: it ends up in
 * every row, log line and Kafka header, so empty, blank, control characters and unbounded lengths never get in.
 */
public final class WorkspaceIds {

    public static final String SHAPE = "1 to 63 letters, digits, '.', '_' or '-', starting with a letter or digit";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

    private WorkspaceIds() {
    }

    /** A claim's value as the token holds it (the verifier gives strings as String or JSON-P JsonString). */
    public static Optional<String> fromClaim(Object claim) {
        String text = claim instanceof JsonString json ? json.getString() : claim instanceof String plain ? plain : null;
        return isValid(text) ? Optional.of(text) : Optional.empty();
    }

    public static boolean isValid(String workspace) {
        return workspace != null && VALID.matcher(workspace).matches();
    }
}
