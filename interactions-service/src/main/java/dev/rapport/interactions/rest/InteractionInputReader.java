package dev.rapport.interactions.rest;

import dev.rapport.interactions.domain.FollowUp;
import dev.rapport.interactions.domain.Initiator;
import dev.rapport.interactions.domain.InteractionDetails;
import dev.rapport.interactions.domain.InteractionKind;
import dev.rapport.interactions.domain.InteractionSource;
import dev.rapport.interactions.domain.InvalidValue;
import dev.rapport.interactions.domain.Sentiment;
import dev.rapport.interactions.domain.Visibility;
import dev.rapport.kit.http.IsoDates;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/** Reads an {@link InteractionInput} into details, or one 422 listing every invalid field. */
@ApplicationScoped
public class InteractionInputReader {

    private static final int FIRST_YEAR = 1;
    private static final int LAST_YEAR = 9999;

    @Inject
    Validator validator;

    public InteractionDetails read(InteractionInput in) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> invalid = new LinkedHashSet<>();
        for (ConstraintViolation<InteractionInput> violation : validator.validate(in)) {
            String path = violation.getPropertyPath().toString().replace(".<list element>", "").replace("<list element>", "");
            errors.add(FieldError.body(path, violation.getMessage()));
            invalid.add(path.split("[.\\[]")[0]);
        }
        InteractionKind kind = in.kind() == null ? null : parse(in.kind(), "kind", InteractionKind::fromWire, errors);
        Initiator initiatedBy = in.initiatedBy() == null ? Initiator.ME
                : parse(in.initiatedBy(), "initiatedBy", Initiator::fromWire, errors);
        Sentiment sentiment = in.sentiment() == null ? null : parse(in.sentiment(), "sentiment", Sentiment::fromWire, errors);
        Visibility visibility = in.visibility() == null ? Visibility.WORKSPACE
                : parse(in.visibility(), "visibility", Visibility::fromWire, errors);
        ZoneId zone = invalid.contains("timeZone") ? null : zone(in.timeZone(), errors);
        Instant occurredAt = null;
        ZoneId recordedIn = zone;
        if (in.occurredAt() != null) {
            try {
                OffsetDateTime at = OffsetDateTime.parse(in.occurredAt());
                occurredAt = inRange(at.toInstant(), at.getYear(), errors);
                if (recordedIn == null && in.timeZone() == null) {
                    recordedIn = at.getOffset().equals(ZoneOffset.UTC) ? ZoneId.of("UTC") : at.getOffset();
                }
            } catch (DateTimeParseException withoutOffset) {
                occurredAt = local(in.occurredAt(), zone, in.timeZone() != null, errors);
            }
        }
        FollowUp followUp = invalid.contains("followUp") || in.followUp() == null ? null : followUp(in.followUp(), errors);
        List<UUID> participants = invalid.contains("participants") || in.participants() == null ? List.of()
                : in.participants().stream().map(InteractionInput.ParticipantInput::contactId).distinct().toList();
        List<String> tags = in.tags() == null || invalid.contains("tags") ? List.of()
                : in.tags().stream().map(String::strip).distinct().toList();
        if (in.source() != null) {
            parse(in.source(), "source", InteractionSourceOnInput::read, errors);
        }
        if (in.externalId() != null && in.source() == null) {
            errors.add(FieldError.body("externalId", "needs source import"));
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(FieldError::field));
            throw Problems.invalid(errors);
        }
        return new InteractionDetails(kind, occurredAt, recordedIn, in.durationMinutes(), text(in.channel()),
                text(in.location()), initiatedBy, participants, text(in.summary()), text(in.notes()), text(in.feedback()),
                sentiment, followUp, tags, visibility);
    }

    /** The source a POST gives: manual by default; calendar is this service's own. */
    public InteractionSource source(InteractionInput in) {
        return in.source() == null ? InteractionSource.MANUAL : InteractionSourceOnInput.read(in.source());
    }

    private static final class InteractionSourceOnInput {
        static InteractionSource read(String text) {
            InteractionSource source = InteractionSource.fromWire(text);
            if (source == InteractionSource.CALENDAR) {
                throw new InvalidValue("must be manual or import (calendar is for meetings read from calendars)");
            }
            return source;
        }
    }

    private static ZoneId zone(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            ZoneId zone = ZoneId.of(text);
            // An offset is not a time zone: it says nothing of summer time (the default, when no zone is given, is
            // occurredAt's own offset; a client that names one names a place).
            if (zone instanceof ZoneOffset || zone.getId().matches("(UTC|GMT|UT)[+-].*")) {
                throw new DateTimeException("an offset");
            }
            return zone;
        } catch (DateTimeException e) {
            errors.add(FieldError.body("timeZone", "must be an IANA time zone such as Europe/Paris, or UTC"));
            return null;
        }
    }

    private static Instant local(String text, ZoneId zone, boolean zoneGiven, List<FieldError> errors) {
        try {
            LocalDateTime local = LocalDateTime.parse(text);
            if (zone == null) {
                if (!zoneGiven) {
                    errors.add(FieldError.body("occurredAt", "needs an offset (+01:00, Z) or a timeZone"));
                }
                return null;
            }
            return inRange(local.atZone(zone).toInstant(), local.getYear(), errors);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.body("occurredAt", "must be an ISO date-time such as 2026-11-30T14:00:00+01:00"));
            return null;
        }
    }

    private static Instant inRange(Instant at, int year, List<FieldError> errors) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            errors.add(FieldError.body("occurredAt", "must be " + IsoDates.RANGE));
            return null;
        }
        return at;
    }

    private static FollowUp followUp(InteractionInput.FollowUpInput in, List<FieldError> errors) {
        try {
            LocalDate due = IsoDates.date(in.due());
            return new FollowUp(due, text(in.text()));
        } catch (DateTimeException e) {
            errors.add(FieldError.body("followUp.due", "must be an ISO date (YYYY-MM-DD) " + IsoDates.RANGE));
            return null;
        }
    }

    private static <T> T parse(String text, String field, Function<String, T> reader, List<FieldError> errors) {
        try {
            return reader.apply(text);
        } catch (InvalidValue e) {
            errors.add(FieldError.body(field, e.getMessage()));
            return null;
        }
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
