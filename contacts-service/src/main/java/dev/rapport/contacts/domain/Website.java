package dev.rapport.contacts.domain;

/** A website, blog or feed of a contact ({@code kind}: website, blog, feed). */
public record Website(String url, String kind, String label, boolean primary) {
}
