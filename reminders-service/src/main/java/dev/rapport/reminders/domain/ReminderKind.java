package dev.rapport.reminders.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * Keep-in-touch reminders belong to the workspace (one per contact with a cadence: anyone who may see the contact
 * sees it); one-off reminders and follow-ups (an interaction's promise) belong to the user who made them.
 */
public enum ReminderKind {
    KEEP_IN_TOUCH("keep-in-touch"),
    ONE_OFF("one-off"),
    FOLLOW_UP("follow-up");

    private final String wire;

    ReminderKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<ReminderKind> of(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst();
    }
}
