package dev.rapport.contacts.domain;

/** A phone of a contact: {@code number} in E.164 for matching and dialing, {@code original} as it was given. */
public record PhoneNumber(String number, String original, String label, boolean primary) {
}
