package dev.rapport.contacts.domain;

/**
 * A social profile, normalised so the same person's profile written two ways compares equal. {@code url} is
 * only ever null for a profile on a network of its own ({@code other}) known by its handle alone.
 */
public record SocialProfile(String network, String url, String handle, String label, boolean primary) {

    /** What tells two profiles of one contact apart: the URL, else the label (the network's name) and handle. */
    public String identity() {
        return url != null ? url : network + " " + label + " " + handle;
    }

    /** The URL, else the handle. */
    public String shown() {
        return url != null ? url : handle;
    }

    public SocialProfile withPrimary(boolean primary) {
        return new SocialProfile(network, url, handle, label, primary);
    }
}
