package dev.rapport.contacts.domain;

public enum ImportOutcome {
    CREATED, UPDATED, SKIPPED, FAILED
}
