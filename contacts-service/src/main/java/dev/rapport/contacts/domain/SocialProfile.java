package dev.rapport.contacts.domain;

/** A social profile, normalised so the same person's profile written two ways compares equal. */
public record SocialProfile(String network, String url, String handle, String label, boolean primary) {
}
