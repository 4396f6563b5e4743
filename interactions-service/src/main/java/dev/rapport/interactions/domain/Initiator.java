package dev.rapport.interactions.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who reached out: the author (me), the other side (them), or both (mutual). Keeping in touch counts who made the effort. */
public enum Initiator {
    ME, THEM, MUTUAL;

    @JsonValue
    public String wire() {
        return Wire.of(this);
    }

    public static Initiator fromWire(String value) {
        return Wire.parse(Initiator.class, value);
    }
}
