package dev.rapport.interactions.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** How it went, when the author says. */
public enum Sentiment {
    POSITIVE, NEUTRAL, NEGATIVE;

    @JsonValue
    public String wire() {
        return Wire.of(this);
    }

    public static Sentiment fromWire(String value) {
        return Wire.parse(Sentiment.class, value);
    }
}
