package dev.rapport.contacts.domain;

/** An email of a contact; {@code address} is stored lower-cased so it matches case-insensitively. */
public record EmailAddress(String address, String label, boolean primary) {
}
