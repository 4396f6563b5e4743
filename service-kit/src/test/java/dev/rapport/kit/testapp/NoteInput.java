package dev.rapport.kit.testapp;

/** A note as the API takes it, read strictly. */
public record NoteInput(String body) {
}
