package dev.rapport.contacts.domain;

/** A value that cannot be normalised; the message is the reason a client sees. */
public class InvalidValue extends RuntimeException {
    public InvalidValue(String reason) {
        super(reason, null, false, false);
    }
}
