package dev.rapport.reminders.domain;

import java.util.Arrays;
import java.util.Optional;

/** Recurring reminders (keep-in-touch, one-offs with {@code every}) roll forward when done and stay open. */
public enum ReminderStatus {
    OPEN("open"),
    COMPLETED("completed"),
    DISMISSED("dismissed");

    private final String wire;

    ReminderStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<ReminderStatus> of(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire.equals(wire)).findFirst();
    }
}
