package dev.rapport.reminders.rest;

import dev.rapport.kit.http.IsoDates;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import dev.rapport.reminders.domain.Every;
import dev.rapport.reminders.domain.InteractionToLog;
import dev.rapport.reminders.domain.ReminderDetails;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Reads a {@link ReminderInput} into details, or one 422 listing every invalid field. */
@ApplicationScoped
public class ReminderInputReader {

    @Inject
    Validator validator;

    public ReminderDetails read(ReminderInput in) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<ReminderInput> violation : validator.validate(in)) {
            errors.add(FieldError.body(violation.getPropertyPath().toString(), violation.getMessage()));
        }
        LocalDate due = in.due() == null ? null : date("due", in.due(), errors);
        LocalTime time = null;
        if (in.time() != null) {
            try {
                time = LocalTime.parse(in.time());
                if (!in.time().matches("\\d\\d:\\d\\d")) {
                    throw new DateTimeException(in.time());
                }
            } catch (DateTimeException e) {
                errors.add(FieldError.body("time", "is not a time of day as HH:mm (09:30)"));
            }
        }
        ZoneId zone = in.timeZone() == null ? null : zone("timeZone", in.timeZone(), errors);
        if (zone != null && in.time() == null) {
            errors.add(FieldError.body("timeZone", "comes with a time: a reminder without one begins with your day"));
        }
        Every every = null;
        if (in.every() != null) {
            every = Every.parse(in.every()).orElse(null);
            if (every == null) {
                errors.add(FieldError.body("every", "is not " + Every.RULE));
            }
        }
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        return new ReminderDetails(in.text().strip(), due, time, zone, in.contactId(), every);
    }

    /** What to log on completion, or one 422 listing every invalid field (as logInteraction.*). */
    public InteractionToLog read(CompleteInput.LogInteractionInput in) {
        List<FieldError> errors = new ArrayList<>();
        String prefix = "logInteraction.";
        if (in.kind() == null || !InteractionToLog.KINDS.contains(in.kind())) {
            errors.add(FieldError.body(prefix + "kind", "is not one of " + String.join(", ", InteractionToLog.KINDS)));
        }
        if (in.initiatedBy() != null && !InteractionToLog.INITIATORS.contains(in.initiatedBy())) {
            errors.add(FieldError.body(prefix + "initiatedBy", "is not one of me, them, mutual"));
        }
        if (in.summary() != null && in.summary().length() > 500) {
            errors.add(FieldError.body(prefix + "summary", "is longer than 500 characters"));
        }
        java.time.Instant at = java.time.Instant.now();
        if (in.occurredAt() != null) {
            try {
                at = java.time.OffsetDateTime.parse(in.occurredAt()).toInstant();
                if (at.isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(1)))) {
                    errors.add(FieldError.body(prefix + "occurredAt", "is in the future: log what happened"));
                }
            } catch (DateTimeException e) {
                errors.add(FieldError.body(prefix + "occurredAt", "is not a date-time with an offset (2026-11-30T14:00:00+01:00)"));
            }
        }
        ZoneId zone = in.timeZone() == null ? null : zone(prefix + "timeZone", in.timeZone(), errors);
        if (!errors.isEmpty()) {
            throw Problems.invalid(errors);
        }
        return new InteractionToLog(in.kind(), at, zone, in.summary() == null || in.summary().isBlank() ? null
                : in.summary().strip(), in.initiatedBy() == null ? "me" : in.initiatedBy());
    }

    static LocalDate date(String field, String text, List<FieldError> errors) {
        try {
            return IsoDates.date(text);
        } catch (DateTimeException e) {
            errors.add(FieldError.body(field, "is not a date as YYYY-MM-DD " + IsoDates.RANGE));
            return null;
        }
    }

    static ZoneId zone(String field, String text, List<FieldError> errors) {
        try {
            if (!text.contains("/") && !text.equals("UTC")) {
                throw new DateTimeException(text);
            }
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            errors.add(FieldError.body(field, "is not an IANA time zone (Europe/Paris, America/New_York, UTC)"));
            return null;
        }
    }
}
