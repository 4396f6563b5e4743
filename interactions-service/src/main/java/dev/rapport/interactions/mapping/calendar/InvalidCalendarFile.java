package dev.rapport.interactions.mapping.calendar;

import java.util.OptionalInt;

/**
 * The file as a whole is not an iCalendar file the reader can use. The message is safe to show to the user: it says
 * what is wrong and where, never which library said so.
 */
public class InvalidCalendarFile extends Exception {

    private static final long serialVersionUID = 1L;

    private final int lineNumber;

    InvalidCalendarFile(String message, int lineNumber, Throwable cause) {
        super(lineNumber > 0 ? message + " (line " + lineNumber + ")" : message, cause);
        this.lineNumber = lineNumber;
    }

    InvalidCalendarFile(String message) {
        this(message, 0, null);
    }

    public OptionalInt lineNumber() {
        return lineNumber > 0 ? OptionalInt.of(lineNumber) : OptionalInt.empty();
    }
}
