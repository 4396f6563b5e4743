package dev.rapport.contacts.mapping.imports;

import dev.rapport.contacts.rest.ContactInput;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Builds contact input field by field: importers fill what their format has and leave the rest empty. */
final class Inputs {
    String givenName;
    String familyName;
    String displayName;
    String nickname;
    String pronouns;
    final List<ContactInput.Email> emails = new ArrayList<>();
    final List<ContactInput.Phone> phones = new ArrayList<>();
    final List<ContactInput.SocialProfile> socialProfiles = new ArrayList<>();
    final List<ContactInput.Website> websites = new ArrayList<>();
    String company;
    String title;
    String department;
    String city;
    String region;
    String country;
    String address;
    ContactInput.Birthday birthday;
    String howWeMet;
    String metAt;
    String metOn;
    String relationship;
    String note;
    final List<String> tags = new ArrayList<>();
    /** Countries the row points to besides {@link #country} (more addresses, Apple's X-ABADR), for its phones. */
    final List<String> regionHints = new ArrayList<>();
    /** What of the row could not be placed in a field. */
    final List<String> warnings = new ArrayList<>();

    ContactInput build() {
        return new ContactInput(blank(givenName), blank(familyName), blank(displayName), blank(nickname), blank(pronouns),
                onePrimary(emails, ContactInput.Email::primary, e -> new ContactInput.Email(e.address(), e.label(), null)),
                onePrimary(phones, ContactInput.Phone::primary, p -> new ContactInput.Phone(p.number(), p.label(), null)),
                onePrimary(socialProfiles, ContactInput.SocialProfile::primary,
                        s -> new ContactInput.SocialProfile(s.network(), s.url(), s.handle(), s.label(), null)),
                onePrimary(websites, ContactInput.Website::primary, w -> new ContactInput.Website(w.url(), w.kind(), w.label(), null)),
                blank(company), blank(title), blank(department), blank(city),
                blank(region), blank(country), blank(address), birthday, blank(howWeMet), blank(metAt), blank(metOn),
                blank(relationship), blank(note), tags, null);
    }

    ImportCandidate candidate(int row, String sourceId) {
        return ImportCandidate.of(row, sourceId, build(), regionHints, warnings);
    }

    /** Adds a note to the one a contact has: files may hold several, and each is kept. */
    void addNote(String text) {
        String added = blank(text);
        if (added != null) {
            note = note == null ? added : note + "\n\n" + added;
        }
    }

    /**
     * Address books mark several values preferred (TYPE=pref on two emails); a contact has one primary of each
     * kind, so the first marked stays it.
     */
    private static <T> List<T> onePrimary(List<T> points, Function<T, Boolean> primary, UnaryOperator<T> notPrimary) {
        List<T> result = new ArrayList<>();
        boolean seen = false;
        for (T point : points) {
            boolean marked = Boolean.TRUE.equals(primary.apply(point));
            result.add(marked && seen ? notPrimary.apply(point) : point);
            seen |= marked;
        }
        return result;
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
