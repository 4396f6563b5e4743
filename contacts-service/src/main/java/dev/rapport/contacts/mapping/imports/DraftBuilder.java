package dev.rapport.contacts.mapping.imports;

import dev.rapport.contacts.domain.ContactDraft;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** Builds a contact draft field by field: importers fill what their format has and leave the rest empty. */
final class DraftBuilder {
    String givenName;
    String familyName;
    String displayName;
    String nickname;
    String pronouns;
    final List<ContactDraft.Email> emails = new ArrayList<>();
    final List<ContactDraft.Phone> phones = new ArrayList<>();
    final List<ContactDraft.SocialProfile> socialProfiles = new ArrayList<>();
    final List<ContactDraft.Website> websites = new ArrayList<>();
    String company;
    String title;
    String department;
    String city;
    String region;
    String country;
    String address;
    ContactDraft.Birthday birthday;
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

    ContactDraft build() {
        return new ContactDraft(blank(givenName), blank(familyName), blank(displayName), blank(nickname), blank(pronouns),
                onePrimary(emails, ContactDraft.Email::primary, e -> new ContactDraft.Email(e.address(), e.label(), null)),
                onePrimary(phones, ContactDraft.Phone::primary, p -> new ContactDraft.Phone(p.number(), p.label(), null)),
                onePrimary(socialProfiles, ContactDraft.SocialProfile::primary,
                        s -> new ContactDraft.SocialProfile(s.network(), s.url(), s.handle(), s.label(), null)),
                onePrimary(websites, ContactDraft.Website::primary, w -> new ContactDraft.Website(w.url(), w.kind(), w.label(), null)),
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
