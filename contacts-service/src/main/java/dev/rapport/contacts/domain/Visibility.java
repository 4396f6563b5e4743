package dev.rapport.contacts.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Who sees a contact: the whole workspace, or only the user who added it. */
public enum Visibility {
    WORKSPACE, PRIVATE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Visibility fromWire(String value) {
        for (Visibility v : values()) {
            if (v.wire().equals(value)) {
                return v;
            }
        }
        throw new InvalidValue("must be one of workspace, private");
    }
}
