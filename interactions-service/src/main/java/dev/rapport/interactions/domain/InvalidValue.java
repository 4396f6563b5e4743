package dev.rapport.interactions.domain;

/** A value that cannot be read; the message is the reason a client sees. */
public class InvalidValue extends RuntimeException {
    public InvalidValue(String reason) {
        super(reason, null, false, false);
    }
}
