package dev.rapport.interactions.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who sees an interaction: the whole workspace, or only its author. */
public enum Visibility {
    WORKSPACE, PRIVATE;

    @JsonValue
    public String wire() {
        return Wire.of(this);
    }

    public static Visibility fromWire(String value) {
        return Wire.parse(Visibility.class, value);
    }
}
