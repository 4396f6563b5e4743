package dev.rapport.contacts.mapping;

import dev.rapport.contacts.domain.Birthday;
import dev.rapport.contacts.domain.ContactDetails;
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
import dev.rapport.contacts.rest.ContactInput;
import dev.rapport.kit.http.IsoDates;
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

/**
 * Turns client input into normalised contact details, or one 422 listing every invalid field: bean
 * constraints first, then what only parsing can tell (phones, URLs, countries, dates). Nothing is written
 * unless all of it is valid.
 */
@ApplicationScoped
public class ContactInputParser {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> WEBSITE_KINDS = Set.of("website", "blog", "feed");

    @Inject
    Validator validator;

    public ContactDetails parse(ContactInput in, Optional<String> phoneRegion) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> invalid = new HashSet<>();
        for (ConstraintViolation<ContactInput> violation : validator.validate(in)) {
            String path = violation.getPropertyPath().toString().replace(".<list element>", "").replace("<list element>", "");
            errors.add(FieldError.body(path, violation.getMessage()));
            invalid.add(path.split("[.\\[]")[0]);
        }
        // Fields that broke a constraint are not parsed further; every other field still is, so one 422 lists all.

        List<EmailAddress> emails = points(invalid.contains("emails") ? null : in.emails(), "emails", errors,
                e -> new EmailAddress(e.address().strip().toLowerCase(Locale.ROOT), label(e.label()), isTrue(e.primary())),
                EmailAddress::primary, EmailAddress::address, e -> new EmailAddress(e.address(), e.label(), true));
        List<PhoneNumber> phones = points(invalid.contains("phones") ? null : in.phones(), "phones", errors,
                p -> new PhoneNumber(PhoneNumbers.toE164(p.number(), phoneRegion), p.number().strip(), label(p.label()), isTrue(p.primary())),
                PhoneNumber::primary, PhoneNumber::number, p -> new PhoneNumber(p.number(), p.original(), p.label(), true));
        List<SocialProfile> social = points(invalid.contains("socialProfiles") ? null : in.socialProfiles(), "socialProfiles", errors,
                s -> SocialProfiles.normalise(s.network(), s.url(), s.handle(), label(s.label()), isTrue(s.primary())),
                SocialProfile::primary, SocialProfile::url,
                s -> new SocialProfile(s.network(), s.url(), s.handle(), s.label(), true));
        List<Website> websites = points(invalid.contains("websites") ? null : in.websites(), "websites", errors, this::website, Website::primary, Website::url,
                w -> new Website(w.url(), w.kind(), w.label(), true));

        String country = invalid.contains("country") ? null : text(in.country());
        if (country != null) {
            country = country.toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(country)) {
                errors.add(FieldError.body("country", "must be an ISO 3166-1 alpha-2 code such as GB or US"));
            }
        }
        Birthday birthday = invalid.contains("birthday") ? null : birthday(in.birthday(), errors);
        LocalDate metOn = date(in.metOn(), "metOn", errors);
        Relationship relationship = parse(in.relationship(), "relationship", Relationship::fromWire, errors);
        Visibility visibility = parse(in.visibility(), "visibility", Visibility::fromWire, errors);

        if (text(in.displayName()) == null && text(in.givenName()) == null && text(in.familyName()) == null
                && text(in.nickname()) == null && isEmpty(in.emails()) && isEmpty(in.phones())) {
            errors.add(FieldError.body("displayName", "a contact needs a name, an email or a phone"));
        }
        if (!errors.isEmpty()) {
            errors.sort(Comparator.comparing(FieldError::field));
            throw Problems.invalid(errors);
        }
        return new ContactDetails(text(in.givenName()), text(in.familyName()), text(in.displayName()), text(in.nickname()),
                text(in.pronouns()), emails, phones, social, websites, text(in.company()), text(in.title()),
                text(in.department()), text(in.city()), text(in.region()), country, text(in.address()), birthday,
                text(in.howWeMet()), text(in.metAt()), metOn, relationship, text(in.note()), tags(in.tags()), visibility);
    }

    private Website website(ContactInput.Website w) {
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

    private static Birthday birthday(ContactInput.Birthday in, List<FieldError> errors) {
        if (in == null) {
            return null;
        }
        try {
            MonthDay.of(in.month(), in.day());
            if (in.year() != null) {
                LocalDate.of(in.year(), in.month(), in.day());
                if (in.year() < 1 || Year.of(in.year()).isAfter(Year.now())) {
                    throw new DateTimeException("in the future");
                }
            }
        } catch (DateTimeException e) {
            errors.add(FieldError.body("birthday", "is not a real date"));
            return null;
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
