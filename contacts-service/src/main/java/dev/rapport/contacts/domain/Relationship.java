package dev.rapport.contacts.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

public enum Relationship {
    PROFESSIONAL, PERSONAL, BOTH;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Relationship fromWire(String value) {
        for (Relationship r : values()) {
            if (r.wire().equals(value)) {
                return r;
            }
        }
        throw new InvalidValue("must be one of professional, personal, both");
    }
}
