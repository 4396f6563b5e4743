package dev.rapport.interactions.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an interaction came from: logged by hand, imported from another tool, or read from a calendar. */
public enum InteractionSource {
    MANUAL, IMPORT, CALENDAR;

    @JsonValue
    public String wire() {
        return Wire.of(this);
    }

    public static InteractionSource fromWire(String value) {
        return Wire.parse(InteractionSource.class, value);
    }
}
