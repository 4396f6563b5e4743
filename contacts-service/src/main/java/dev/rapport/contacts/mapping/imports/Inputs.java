package dev.rapport.contacts.mapping.imports;

import dev.rapport.contacts.rest.ContactInput;

import java.util.ArrayList;
import java.util.List;

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

    ContactInput build() {
        return new ContactInput(blank(givenName), blank(familyName), blank(displayName), blank(nickname), blank(pronouns),
                emails, phones, socialProfiles, websites, blank(company), blank(title), blank(department), blank(city),
                blank(region), blank(country), blank(address), birthday, blank(howWeMet), blank(metAt), blank(metOn),
                blank(relationship), blank(note), tags, null);
    }

    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
