package dev.rapport.contacts.mapping.imports;

import dev.rapport.contacts.mapping.VCardMapper;
import dev.rapport.contacts.domain.ContactDraft;
import ezvcard.VCard;
import ezvcard.property.Birthday;
import ezvcard.property.RawProperty;
import ezvcard.property.VCardProperty;
import ezvcard.util.PartialDate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.util.Optional;

/**
 * A card's birthday in every form RFC 2426 and RFC 6350 allow: a date ({@code 1985-04-12}, {@code 19850412}), a
 * date-time, a partial date without a year ({@code --04-12}, {@code --0412}), Apple's {@code X-APPLE-OMIT-YEAR},
 * or text. ez-vcard reads partial dates only in 4.0 and keeps a 2.1/3.0 one as a raw {@code BDAY} property: its
 * value is read with ez-vcard's {@link PartialDate} then. What has no month and day is reported, not dropped.
 */
final class VCardBirthdays {

    private static final String BDAY = "BDAY";

    private VCardBirthdays() {
    }

    /** The birthday, or the reason the card's birthday cannot be one; empty when the card has none. */
    record Read(ContactDraft.Birthday birthday, VCardProperty property, String unreadable) {
    }

    static Optional<Read> of(VCard card) {
        Birthday typed = card.getBirthday();
        if (typed != null) {
            boolean omitYear = typed.getParameter(VCardMapper.APPLE_OMIT_YEAR) != null;
            if (typed.getDate() != null) {
                return Optional.of(day(typed, date(typed.getDate()), omitYear));
            }
            if (typed.getPartialDate() != null) {
                return Optional.of(fromText(BDAY, typed, typed.getPartialDate().toISO8601(true)));
            }
            return Optional.of(text(typed, typed.getText()));
        }
        RawProperty raw = card.getExtendedProperty(BDAY);
        return Optional.ofNullable(raw).map(r -> text(r, r.getValue()));
    }

    private static Read text(VCardProperty property, String value) {
        return fromText(BDAY, property, value);
    }

    /** A birthday written as text in any ISO 8601 / RFC 6350 form (CSV files write them so too). */
    static Read fromText(String field, VCardProperty property, String value) {
        String text = value == null ? "" : value.strip();
        PartialDate date;
        try {
            date = PartialDate.parse(text);
        } catch (IllegalArgumentException e) {
            return new Read(null, property, field + " '" + text + "' not imported: not a date");
        }
        if (date.getMonth() == null || date.getDate() == null) {
            return new Read(null, property, field + " '" + text + "' not imported: a birthday needs a month and a day");
        }
        return new Read(new ContactDraft.Birthday(date.getMonth(), date.getDate(), date.getYear()), property, null);
    }

    private static Read day(VCardProperty property, LocalDate date, boolean omitYear) {
        return new Read(new ContactDraft.Birthday(date.getMonthValue(), date.getDayOfMonth(), omitYear ? null : date.getYear()),
                property, null);
    }

    /** The day as written: a date-time's own date (an instant's in UTC), not shifted to some zone. */
    private static LocalDate date(Temporal value) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC).toLocalDate();
        }
        if (value instanceof OffsetDateTime time) {
            return time.toLocalDate();
        }
        if (value instanceof ZonedDateTime time) {
            return time.toLocalDate();
        }
        return LocalDate.of(value.get(ChronoField.YEAR), value.get(ChronoField.MONTH_OF_YEAR), value.get(ChronoField.DAY_OF_MONTH));
    }
}
