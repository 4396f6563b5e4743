package dev.rapport.contacts.domain;

/** Day and month always; the year only when known. */
public record Birthday(int month, int day, Integer year) {
}
