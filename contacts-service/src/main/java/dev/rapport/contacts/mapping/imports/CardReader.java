package dev.rapport.contacts.mapping.imports;

import dev.rapport.contacts.domain.SocialProfiles;
import dev.rapport.contacts.mapping.VCardMapper;
import dev.rapport.contacts.domain.ContactDraft;
import ezvcard.VCard;
import ezvcard.io.scribe.ScribeIndex;
import ezvcard.io.scribe.VCardPropertyScribe;
import ezvcard.io.text.WriteContext;
import ezvcard.property.Address;
import ezvcard.property.Email;
import ezvcard.property.Note;
import ezvcard.property.RawProperty;
import ezvcard.property.Telephone;
import ezvcard.property.Url;
import ezvcard.property.VCardProperty;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One vCard read as a contact draft. Every property is either placed in a field, known to carry nothing a
 * contact keeps (PRODID, REV, Apple's X-ABUID, ...), or reported in a warning: nothing vanishes unsaid.
 */
final class CardReader {

    private static final ScribeIndex SCRIBES = new ScribeIndex();
    /** Properties that say nothing about the person, or only what other properties already say. */
    private static final Set<String> NOISE = Set.of("VERSION", "PRODID", "REV", "N", "FN", "UID", "X-ABUID", "X-ABSHOWAS",
            "X-ABLABEL", "KIND", "MAILER", "CLASS", "X-MS-OL-DEFAULT-POSTAL-ADDRESS", "X-MS-OL-DESIGN", "X-MS-CARDPICTURE-TYPE",
            "X-PRODID", "SOURCE", "NAME", "PROFILE", "SORT-STRING");
    private static final String APPLE_COUNTRY = "X-ABADR";
    private static final String APPLE_HANDLE = "x-apple:";
    private static final int SHOWN_VALUE = 120;

    private final VCard card;
    private final DraftBuilder in = new DraftBuilder();
    private final Set<VCardProperty> placed = Collections.newSetFromMap(new IdentityHashMap<>());

    CardReader(VCard card) {
        this.card = card;
    }

    ImportCandidate candidate(int row) {
        names();
        emails();
        phones();
        urls();
        socialProfiles();
        work();
        addresses();
        birthday();
        card.getNotes().stream().peek(placed::add).map(Note::getValue).forEach(in::addNote);
        if (card.getCategories() != null) {
            // Google exports its system group as a category; it is not the user's tag.
            card.getCategories().getValues().stream().filter(t -> !t.isBlank() && !t.equalsIgnoreCase("myContacts"))
                    .forEach(in.tags::add);
            placed.add(card.getCategories());
        }
        in.pronouns = extended(VCardMapper.PRONOUNS);
        in.howWeMet = extended(VCardMapper.HOW_WE_MET);
        in.metAt = extended(VCardMapper.MET_AT);
        in.metOn = extended(VCardMapper.MET_ON);
        in.relationship = extended(VCardMapper.RELATIONSHIP);
        unplaced();
        return in.candidate(row, card.getUid() == null ? null : card.getUid().getValue());
    }

    private void names() {
        if (card.getFormattedName() != null) {
            in.displayName = card.getFormattedName().getValue();
        }
        if (card.getStructuredName() != null) {
            in.givenName = card.getStructuredName().getGiven();
            in.familyName = card.getStructuredName().getFamily();
        }
        if (card.getNickname() != null && !card.getNickname().getValues().isEmpty()) {
            in.nickname = card.getNickname().getValues().get(0);
            placed.add(card.getNickname());
            card.getNickname().getValues().stream().skip(1).forEach(n -> warn("NICKNAME", n, "a contact keeps one nickname"));
        }
    }

    private void emails() {
        for (Email email : card.getEmails()) {
            if (email.getValue() != null && !email.getValue().isBlank()) {
                in.emails.add(new ContactDraft.Email(email.getValue(), label(email, email.getParameters().getTypes()), isPreferred(email)));
            }
            placed.add(email);
        }
    }

    private void phones() {
        for (Telephone phone : card.getTelephoneNumbers()) {
            String number = phone.getText() != null ? phone.getText() : phone.getUri() == null ? null : phone.getUri().getNumber();
            if (number != null && !number.isBlank()) {
                in.phones.add(new ContactDraft.Phone(number, label(phone, phone.getParameters().getTypes()), isPreferred(phone)));
            }
            placed.add(phone);
        }
    }

    /** A URL on a network we know is a social profile; any other is a website, a blog when its label or type says so. */
    private void urls() {
        for (Url url : card.getUrls()) {
            placed.add(url);
            String value = url.getValue();
            if (value == null || value.isBlank()) {
                continue;
            }
            String label = label(url, url.getType() == null ? List.of() : List.of(url.getType()));
            var network = SocialProfiles.networkOf(value);
            if (network.isPresent()) {
                in.socialProfiles.add(new ContactDraft.SocialProfile(network.get(), value, null, null, null));
                continue;
            }
            String kind = Stream.of(url.getType(), label).filter(k -> k != null).map(k -> k.toLowerCase(Locale.ROOT))
                    .filter(k -> List.of("blog", "feed").contains(k)).findFirst().orElse("website");
            in.websites.add(new ContactDraft.Website(value, kind, kind.equals(label) || "website".equals(label) ? null : label, null));
        }
    }

    /**
     * Apple's {@code X-SOCIALPROFILE;type=twitter;x-user=ada:https://twitter.com/ada}: the value is a URL, a plain
     * handle, or {@code x-apple:<handle>}; {@code x-user} names the handle. The network's name is passed on as
     * written (the domain maps twitter to x and any it does not know to other).
     */
    private void socialProfiles() {
        for (RawProperty social : card.getExtendedProperties(VCardMapper.SOCIAL_PROFILE)) {
            placed.add(social);
            String value = social.getValue() == null ? "" : social.getValue().strip();
            if (value.toLowerCase(Locale.ROOT).startsWith(APPLE_HANDLE)) {
                value = URLDecoder.decode(value.substring(APPLE_HANDLE.length()), StandardCharsets.UTF_8);
            }
            boolean isUrl = value.contains("/");
            String user = social.getParameter("X-USER");
            String handle = user != null && !user.isBlank() ? user : isUrl || value.isEmpty() ? null : value;
            String network = social.getParameters().getType();
            if (network == null) {
                network = isUrl ? SocialProfiles.networkOf(value).orElse("other") : "other";
            }
            in.socialProfiles.add(new ContactDraft.SocialProfile(network, isUrl ? value : null, handle,
                    AppleLabels.labelOf(card, social).map(RawProperty::getValue).orElse(null), null));
        }
    }

    private void work() {
        if (card.getOrganization() != null && !card.getOrganization().getValues().isEmpty()) {
            List<String> org = card.getOrganization().getValues();
            in.company = org.get(0);
            in.department = org.size() > 1 ? String.join(", ", org.subList(1, org.size())) : null;
            placed.add(card.getOrganization());
        }
        if (!card.getTitles().isEmpty()) {
            in.title = card.getTitles().get(0).getValue();
            placed.add(card.getTitles().get(0));
        }
    }

    /**
     * A contact keeps one address: the preferred one, else the first; the others are reported. Every address's
     * country (and Apple's X-ABADR country code) is a hint for reading the card's national phone numbers.
     */
    private void addresses() {
        List<Address> addresses = card.getAddresses().stream()
                .sorted(Comparator.comparing((Address a) -> !isPreferred(a))).toList();
        for (int i = 0; i < addresses.size(); i++) {
            Address address = addresses.get(i);
            // Apple writes the address's country code beside it (item3.X-ABADR:jp), also when it names no country.
            String country = Optional.ofNullable(Countries.toIso(address.getCountry())).orElse(appleCountry(address));
            if (country != null) {
                in.regionHints.add(country);
            }
            if (i == 0) {
                place(address, country);
                placed.add(address);
            }
        }
        for (RawProperty apple : card.getExtendedProperties(APPLE_COUNTRY)) {
            placed.add(apple);
            Optional.ofNullable(Countries.toIso(apple.getValue())).ifPresent(in.regionHints::add);
        }
        if (!addresses.isEmpty()) {
            // LABEL is the formatted text of an ADR in 2.1/3.0: it says nothing the address does not.
            card.getOrphanedLabels().forEach(placed::add);
        }
    }

    private String appleCountry(Address address) {
        return address.getGroup() == null ? null : card.getExtendedProperties(APPLE_COUNTRY).stream()
                .filter(p -> address.getGroup().equalsIgnoreCase(p.getGroup()))
                .map(p -> Countries.toIso(p.getValue())).filter(c -> c != null).findFirst().orElse(null);
    }

    private void place(Address address, String country) {
        if (country == null && DraftBuilder.blank(address.getCountry()) != null) {
            in.warnings.add(Countries.notUnderstood(address.getCountry()));
        }
        in.city = address.getLocality();
        in.region = address.getRegion();
        in.country = country;
        String lines = Stream.of(address.getExtendedAddressFull(), address.getStreetAddressFull(), address.getPoBox(),
                        address.getPostalCode(), country == null ? address.getCountry() : null)
                // A country name we cannot place is kept as text rather than lost.
                .filter(s -> s != null && !s.isBlank()).map(String::strip).collect(Collectors.joining(", "));
        in.address = lines.isEmpty() ? null : lines;
    }

    private void birthday() {
        VCardBirthdays.of(card).ifPresent(read -> {
            placed.add(read.property());
            if (read.unreadable() != null) {
                in.warnings.add(read.unreadable());
            }
            in.birthday = read.birthday();
        });
    }

    /** Every property neither placed nor noise is reported with its value (a picture without its bytes). */
    private void unplaced() {
        for (VCardProperty property : card.getProperties()) {
            String name = name(property);
            if (placed.contains(property) || NOISE.contains(name) || name.startsWith("X-RAPPORT-")) {
                continue;
            }
            if (property instanceof ezvcard.property.BinaryProperty<?>) {
                in.warnings.add(name + " not imported: pictures and sounds are not kept");
            } else if (property instanceof Address address) {
                warn(name, String.join(", ", Stream.of(address.getStreetAddressFull(), address.getLocality(), address.getPostalCode(),
                        address.getCountry()).filter(s -> s != null && !s.isBlank()).toList()), "a contact keeps one address");
            } else {
                String value = value(property);
                if (value != null && !value.isBlank()) {
                    warn(name, value, "Rapport has no field for it");
                }
            }
        }
    }

    private void warn(String property, String value, String why) {
        String shown = value.length() > SHOWN_VALUE ? value.substring(0, SHOWN_VALUE) + "…" : value;
        in.warnings.add(property + " '" + shown.replace('\n', ' ') + "' not imported: " + why);
    }

    private static String name(VCardProperty property) {
        String name = property instanceof RawProperty raw ? raw.getPropertyName() : SCRIBES.getPropertyScribe(property).getPropertyName();
        return name.toUpperCase(Locale.ROOT);
    }

    /** A property's value as text, whatever its type, written by ez-vcard's own scribe for it. */
    @SuppressWarnings("unchecked")
    private String value(VCardProperty property) {
        VCardPropertyScribe<VCardProperty> scribe = (VCardPropertyScribe<VCardProperty>) SCRIBES.getPropertyScribe(property);
        return scribe.writeText(property, new WriteContext(card.getVersion(), null, false));
    }

    private String label(VCardProperty property, List<String> types) {
        AppleLabels.labelOf(card, property).ifPresent(placed::add);
        return AppleLabels.label(card, property, types);
    }

    private String extended(String name) {
        RawProperty property = card.getExtendedProperty(name);
        return property == null ? null : property.getValue();
    }

    private static boolean isPreferred(VCardProperty property) {
        Integer pref = property.getParameters().getPref();
        return (pref != null && pref == 1)
                || property.getParameters().getTypes().stream().anyMatch(t -> t.equalsIgnoreCase("pref"));
    }
}
