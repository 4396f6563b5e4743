package dev.rapport.contacts.domain;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The changes Rapport keeps a dated history of, so a contact stays current as people move on. */
public enum HistoryKind {
    JOB, PLACE, RELATIONSHIP;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
