package dev.rapport.interactions.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** What kind of contact it was. */
public enum InteractionKind {
    MEETING, CALL, VIDEO_CALL, EMAIL, MESSAGE, SOCIAL, EVENT, NOTE;

    @JsonValue
    public String wire() {
        return Wire.of(this);
    }

    public static InteractionKind fromWire(String value) {
        return Wire.parse(InteractionKind.class, value);
    }
}
