package dev.rapport.contacts.domain;

/**
 * A phone of a contact: {@code number} in E.164 for matching and dialing, {@code original} as it was given.
 * {@code number} is null when no country was known to read a national number in (or none made it valid): the
 * number is then kept as written rather than lost, and takes no part in matching.
 */
public record PhoneNumber(String number, String original, String label, boolean primary) {

    public boolean normalised() {
        return number != null;
    }

    /** What tells two phones of one contact apart: the E.164 number, else the digits as written. */
    public String identity() {
        return number != null ? number : "as written " + original.replaceAll("[^0-9+]", "");
    }

    /** The number to show or write out: E.164 when known, else as written. */
    public String shown() {
        return number != null ? number : original;
    }

    public PhoneNumber withPrimary(boolean primary) {
        return new PhoneNumber(number, original, label, primary);
    }
}
