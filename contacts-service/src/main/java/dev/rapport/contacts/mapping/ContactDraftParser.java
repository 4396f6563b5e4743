package dev.rapport.contacts.mapping;

import dev.rapport.contacts.domain.Birthday;
import dev.rapport.contacts.domain.ContactDetails;
import dev.rapport.contacts.domain.ContactDraft;
import dev.rapport.contacts.domain.EmailAddress;
import dev.rapport.contacts.domain.InvalidValue;
import dev.rapport.contacts.domain.PhoneNumber;
import dev.rapport.contacts.domain.PhoneNumbers;
import dev.rapport.contacts.domain.Relationship;
import dev.rapport.contacts.domain.SocialProfile;
import dev.rapport.contacts.domain.SocialProfiles;
import dev.rapport.contacts.domain.Visibility;
import dev.rapport.contacts.domain.WebAddresses;
import dev.rapport.contacts.domain.Website;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.kit.http.IsoDates;
import dev.rapport.kit.http.Text;
import dev.rapport.kit.problem.FieldError;
import dev.rapport.kit.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Turns a draft (what a client or an imported file wrote) into normalised contact details, or one 422 listing
 * every invalid field: bean constraints first, then what only parsing can tell (phones, URLs, countries, dates).
 * Nothing is written unless all of it is valid.
 */
@ApplicationScoped
public class ContactDraftParser {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> WEBSITE_KINDS = Set.of("website", "blog", "feed");

    @Inject
    Validator validator;

    @Inject
    ObjectMapper json;

    /** Client input: any invalid field makes it a 422 listing them all. */
    public ContactDetails parse(ContactDraft in, Optional<String> phoneRegion) {
        return parse(in, phoneRegion, null);
    }

    /**
     * Client input whose phones are not read but kept as they are ({@code unchangedPhones}, unless null): a
     * change that leaves them alone must not rewrite them, nor refuse them under a region known only since.
     */
    public ContactDetails parse(ContactDraft in, Optional<String> phoneRegion, List<PhoneNumber> unchangedPhones) {
        Attempt attempt = attempt(in, List.of(), phoneRegion, false, unchangedPhones);
        attempt.failIfInvalid();
        return attempt.details();
    }

    /** An imported row: its details, and what of it was not imported or only as written, with why. */
    public record Imported(ContactDetails details, List<String> warnings) {
    }

    /**
     * A row of an imported file: a field or list item that is invalid is left out with a warning instead of
     * failing the row, and a phone no region makes valid is kept as written with one. The row only fails (422)
     * when nothing is left to know the person by.
     *
     * @param regionHints regions the row itself points to (its addresses' countries), most likely first
     */
    public Imported parseImported(ContactDraft in, List<String> regionHints, Optional<String> phoneRegion) {
        Attempt attempt = attempt(in, regionHints, phoneRegion, true, null);
        List<String> warnings = new ArrayList<>();
        ContactDraft draft = in;
        // Leaving a part out can show what it hid (a birthday without its year 1604 may still not exist): again,
        // as long as something is left out.
        for (int round = 0; !attempt.errors().isEmpty() && round < 3; round++) {
            DraftPruning.Pruned pruned = DraftPruning.without(draft, attempt.errors());
            if (pruned.warnings().isEmpty()) {
                break;
            }
            warnings.addAll(pruned.warnings());
            draft = pruned.draft();
            attempt = attempt(draft, regionHints, phoneRegion, true, null);
        }
        attempt.failIfInvalid();
        warnings.addAll(attempt.notes());
        return new Imported(attempt.details(), warnings);
    }

    /** One reading of the input: the details when it is all valid, else every field error; notes either way. */
    private record Attempt(ContactDetails details, List<FieldError> errors, List<String> notes) {
        void failIfInvalid() {
            if (!errors.isEmpty()) {
                List<FieldError> sorted = new ArrayList<>(errors);
                sorted.sort(Comparator.comparing(FieldError::field));
                throw Problems.invalid(sorted);
            }
        }
    }

    private Attempt attempt(ContactDraft in, List<String> regionHints, Optional<String> phoneRegion, boolean lenient,
                            List<PhoneNumber> unchangedPhones) {
        List<FieldError> errors = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Set<String> invalid = new HashSet<>();
        for (ConstraintViolation<ContactDraft> violation : validator.validate(in)) {
            String path = violation.getPropertyPath().toString().replace(".<list element>", "").replace("<list element>", "");
            errors.add(FieldError.body(path, violation.getMessage()));
            invalid.add(path.split("[.\\[]")[0]);
        }
        // PostgreSQL text cannot hold NUL (and UTF-8 no lone surrogate): an imported file may well carry either.
        for (String path : Text.failing(json.valueToTree(in), Text::isStorable)) {
            errors.add(FieldError.body(path, Text.UNSTORABLE));
            invalid.add(path.split("[.\\[]")[0]);
        }
        // Fields that broke a constraint are not parsed further; every other field still is, so one 422 lists all.

        List<EmailAddress> emails = points(invalid.contains("emails") ? null : in.emails(), "emails", errors,
                e -> new EmailAddress(e.address().strip().toLowerCase(Locale.ROOT), label(e.label()), isTrue(e.primary())),
                EmailAddress::primary, EmailAddress::address, e -> new EmailAddress(e.address(), e.label(), true));
        List<String> regions = invalid.contains("phones") ? List.of() : phoneRegions(in, regionHints, phoneRegion);
        List<PhoneNumber> phones = unchangedPhones != null ? unchangedPhones : points(invalid.contains("phones") ? null : in.phones(),
                "phones", errors, p -> phone(p, regions, lenient, notes), PhoneNumber::primary, PhoneNumber::identity,
                p -> p.withPrimary(true));
        List<SocialProfile> social = points(invalid.contains("socialProfiles") ? null : in.socialProfiles(), "socialProfiles", errors,
                s -> SocialProfiles.normalise(s.network(), s.url(), s.handle(), label(s.label()), isTrue(s.primary())),
                SocialProfile::primary, SocialProfile::identity, s -> s.withPrimary(true));
        List<Website> websites = points(invalid.contains("websites") ? null : in.websites(), "websites", errors, this::website, Website::primary, Website::url,
                w -> new Website(w.url(), w.kind(), w.label(), true));

        String country = invalid.contains("country") ? null : country(in.country(), errors);
        Birthday birthday = invalid.contains("birthday") ? null : birthday(in.birthday(), errors);
        LocalDate metOn = date(in.metOn(), "metOn", errors);
        Relationship relationship = parse(in.relationship(), "relationship", Relationship::fromWire, errors);
        Visibility visibility = parse(in.visibility(), "visibility", Visibility::fromWire, errors);

        if (text(in.displayName()) == null && text(in.givenName()) == null && text(in.familyName()) == null
                && text(in.nickname()) == null && isEmpty(in.emails()) && isEmpty(unchangedPhones != null ? unchangedPhones : in.phones())) {
            errors.add(FieldError.body("displayName", "a contact needs a name, an email or a phone"));
        }
        if (!errors.isEmpty()) {
            return new Attempt(null, errors, notes);
        }
        return new Attempt(new ContactDetails(text(in.givenName()), text(in.familyName()), text(in.displayName()), text(in.nickname()),
                text(in.pronouns()), emails, phones, social, websites, text(in.company()), text(in.title()),
                text(in.department()), text(in.city()), text(in.region()), country, text(in.address()), birthday,
                text(in.howWeMet()), text(in.metAt()), metOn, relationship, text(in.note()), tags(in.tags()), visibility),
                errors, notes);
    }

    /**
     * Where a national number is read, most likely first: the contact's own country and the regions its source
     * points to, then the region of another of its numbers written with a country code, then the workspace's.
     * A web address's country-code domain is no hint: .de or .io say little about where a phone is.
     */
    private static List<String> phoneRegions(ContactDraft in, List<String> regionHints, Optional<String> phoneRegion) {
        Stream<String> own = Stream.concat(Stream.ofNullable(text(in.country())), regionHints.stream());
        Stream<String> otherNumbers = in.phones() == null ? Stream.empty() : in.phones().stream()
                .filter(p -> p != null && p.number() != null).flatMap(p -> PhoneNumbers.regionOf(p.number()).stream());
        return Stream.of(own, otherNumbers, phoneRegion.stream()).flatMap(s -> s)
                .map(r -> r.toUpperCase(Locale.ROOT)).filter(PhoneNumbers::isRegion).distinct().toList();
    }

    /**
     * A number no region makes valid is refused when it is plainly wrong for the regions known, but kept as
     * written (not normalised) when no region is known at all; an import keeps it as written either way.
     */
    private static PhoneNumber phone(ContactDraft.Phone p, List<String> regions, boolean lenient, List<String> notes) {
        String written = p.number().strip();
        PhoneNumbers.Reading reading = PhoneNumbers.read(written, regions);
        if (!reading.normalised()) {
            if (!lenient && !reading.noCountry()) {
                throw new InvalidValue(reading.problem());
            }
            if (lenient) {
                notes.add("phone '" + written + "' kept as written, not normalised: it " + reading.problem());
            }
        }
        return new PhoneNumber(reading.e164(), written, label(p.label()), isTrue(p.primary()));
    }

    private static String country(String text, List<FieldError> errors) {
        String country = text(text);
        if (country == null) {
            return null;
        }
        country = country.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            errors.add(FieldError.body("country", "must be an ISO 3166-1 alpha-2 code such as GB or US"));
            return null;
        }
        return country;
    }

    private Website website(ContactDraft.Website w) {
        String kind = w.kind() == null ? "website" : w.kind().strip().toLowerCase(Locale.ROOT);
        if (!WEBSITE_KINDS.contains(kind)) {
            throw new InvalidValue("kind must be one of website, blog, feed");
        }
        return new Website(WebAddresses.normalise(w.url()), kind, label(w.label()), isTrue(w.primary()));
    }

    /**
     * Normalises a list of contact points: the same point twice is kept once, at most one is primary, and the
     * first becomes primary when none is marked.
     */
    private static <I, P> List<P> points(List<I> inputs, String field, List<FieldError> errors, Function<I, P> normalise,
                                         Function<P, Boolean> primary, Function<P, String> identity,
                                         UnaryOperator<P> asPrimary) {
        if (inputs == null) {
            return List.of();
        }
        Map<String, P> unique = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            try {
                P point = normalise.apply(inputs.get(i));
                unique.putIfAbsent(identity.apply(point), point);
            } catch (InvalidValue e) {
                errors.add(FieldError.body(field + "[" + i + "]", e.getMessage()));
            }
        }
        List<P> result = new ArrayList<>(unique.values());
        long primaries = result.stream().filter(primary::apply).count();
        if (primaries > 1) {
            errors.add(FieldError.body(field, "only one can be primary"));
        } else if (primaries == 0 && !result.isEmpty()) {
            result.set(0, asPrimary.apply(result.get(0)));
        }
        return result;
    }

    /**
     * A day of the year that exists (February 29 included), and a year (from 1850: a constraint of the draft) not
     * after this one in which that day exists. A wrong year alone is an error on {@code birthday.year}, so that an
     * import can keep the day without it.
     */
    private static Birthday birthday(ContactDraft.Birthday in, List<FieldError> errors) {
        if (in == null) {
            return null;
        }
        try {
            MonthDay.of(in.month(), in.day());
        } catch (DateTimeException e) {
            errors.add(FieldError.body("birthday", "is not a real date"));
            return null;
        }
        if (in.year() != null) {
            if (in.year() > Year.now().getValue()) {
                errors.add(FieldError.body("birthday.year", "is in the future"));
                return null;
            }
            if (!MonthDay.of(in.month(), in.day()).isValidYear(in.year())) {
                errors.add(FieldError.body("birthday", "is not a real date: " + in.year() + " is not a leap year"));
                return null;
            }
        }
        return new Birthday(in.month(), in.day(), in.year());
    }

    private static LocalDate date(String text, String field, List<FieldError> errors) {
        if (text(text) == null) {
            return null;
        }
        try {
            return IsoDates.date(text);
        } catch (DateTimeException e) {
            errors.add(FieldError.body(field, "must be an ISO date (YYYY-MM-DD) " + IsoDates.RANGE));
            return null;
        }
    }

    private static <T> T parse(String text, String field, Function<String, T> parser, List<FieldError> errors) {
        if (text(text) == null) {
            return null;
        }
        try {
            return parser.apply(text.strip().toLowerCase(Locale.ROOT));
        } catch (InvalidValue e) {
            errors.add(FieldError.body(field, e.getMessage()));
            return null;
        }
    }

    private static List<String> tags(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Map<String, String> unique = new LinkedHashMap<>();
        tags.forEach(tag -> unique.putIfAbsent(tag.strip().toLowerCase(Locale.ROOT), tag.strip()));
        return List.copyOf(unique.values());
    }

    private static String label(String label) {
        String text = text(label);
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }

    private static boolean isEmpty(List<?> list) {
        return list == null || list.isEmpty();
    }

    private static boolean isTrue(Boolean value) {
        return Boolean.TRUE.equals(value);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
