package dev.rapport.contacts.mapping;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.rapport.contacts.domain.Birthday;
import dev.rapport.contacts.domain.Contact;
import dev.rapport.contacts.domain.ContactDetails;
import dev.rapport.contacts.domain.EmailAddress;
import dev.rapport.contacts.domain.PhoneNumber;
import dev.rapport.contacts.domain.SocialProfile;
import dev.rapport.contacts.domain.Website;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One contact as a CSV row for spreadsheets: lists joined with {@code "; "}, the primary first; a birthday
 * without a year as {@code --MM-DD} (ISO 8601).
 */
@JsonPropertyOrder({"id", "displayName", "givenName", "familyName", "nickname", "pronouns", "emails", "phones",
        "socialProfiles", "websites", "company", "title", "department", "city", "region", "country", "address",
        "birthday", "howWeMet", "metAt", "metOn", "relationship", "note", "tags", "visibility", "createdAt", "updatedAt"})
public record CsvExportRow(String id, String displayName, String givenName, String familyName, String nickname,
                           String pronouns, String emails, String phones, String socialProfiles, String websites,
                           String company, String title, String department, String city, String region,
                           String country, String address, String birthday, String howWeMet, String metAt,
                           String metOn, String relationship, String note, String tags, String visibility,
                           Instant createdAt, Instant updatedAt) {

    private static final String SEPARATOR = "; ";

    public static CsvExportRow of(Contact contact) {
        ContactDetails d = contact.details();
        Birthday b = d.birthday();
        String birthday = b == null ? null
                : (b.year() == null ? "-" : String.format("%04d", b.year())) + String.format("-%02d-%02d", b.month(), b.day());
        return new CsvExportRow(contact.id().toString(), contact.displayName(), d.givenName(), d.familyName(),
                d.nickname(), d.pronouns(),
                join(primaryFirst(d.emails(), EmailAddress::primary), EmailAddress::address),
                join(primaryFirst(d.phones(), PhoneNumber::primary), PhoneNumber::shown),
                join(d.socialProfiles(), SocialProfile::shown), join(d.websites(), Website::url),
                d.company(), d.title(), d.department(), d.city(), d.region(), d.country(), d.address(), birthday,
                d.howWeMet(), d.metAt(), d.metOn() == null ? null : d.metOn().toString(),
                d.relationship() == null ? null : d.relationship().wire(), d.note(), String.join(SEPARATOR, d.tags()),
                d.visibility().wire(), contact.createdAt(), contact.updatedAt());
    }

    private static <T> List<T> primaryFirst(List<T> points, Function<T, Boolean> primary) {
        return points.stream().sorted((a, b) -> Boolean.compare(primary.apply(b), primary.apply(a))).toList();
    }

    private static <T> String join(List<T> values, Function<T, String> text) {
        return values.stream().map(text).collect(Collectors.joining(SEPARATOR));
    }
}
