package dev.rapport.contacts.mapping.imports;

import dev.rapport.contacts.mapping.VCardMapper;
import dev.rapport.contacts.rest.ContactInput;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.property.Address;
import ezvcard.property.Birthday;
import ezvcard.property.Email;
import ezvcard.property.RawProperty;
import ezvcard.property.Telephone;
import ezvcard.property.Url;
import ezvcard.property.VCardProperty;
import ezvcard.util.PartialDate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * vCard 2.1/3.0/4.0 files with many cards, as Google, Apple and Outlook export them, read with ez-vcard.
 * Apple's {@code itemN.X-ABLabel} labels, {@code X-APPLE-OMIT-YEAR} birthdays and {@code X-SOCIALPROFILE}
 * are understood, and so are the {@code X-RAPPORT-*} properties Rapport's own export writes.
 */
public final class VCardImport {

    private static final Pattern APPLE_LABEL = Pattern.compile("_\\$!<(.+)>!\\$_");
    private static final Map<String, String> SOCIAL_HOSTS = Map.of(
            "linkedin.com", "linkedin", "facebook.com", "facebook", "twitter.com", "x", "x.com", "x",
            "github.com", "github", "instagram.com", "instagram");

    private VCardImport() {
    }

    public static List<ImportCandidate> read(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        if (!text.toUpperCase(Locale.ROOT).contains("BEGIN:VCARD")) {
            throw new InvalidImportFile("Not a vCard file: no BEGIN:VCARD found");
        }
        List<VCard> cards = Ezvcard.parse(text).all();
        if (cards.isEmpty()) {
            throw new InvalidImportFile("No vCard could be read from the file");
        }
        java.util.ArrayList<ImportCandidate> rows = new java.util.ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            try {
                rows.add(candidate(i + 1, cards.get(i)));
            } catch (RuntimeException e) {
                rows.add(ImportCandidate.unreadable(i + 1, "Unreadable card: " + e.getMessage()));
            }
        }
        return rows;
    }

    private static ImportCandidate candidate(int row, VCard card) {
        Inputs in = new Inputs();
        if (card.getFormattedName() != null) {
            in.displayName = card.getFormattedName().getValue();
        }
        if (card.getStructuredName() != null) {
            in.givenName = card.getStructuredName().getGiven();
            in.familyName = card.getStructuredName().getFamily();
        }
        if (card.getNickname() != null && !card.getNickname().getValues().isEmpty()) {
            in.nickname = card.getNickname().getValues().get(0);
        }
        for (Email email : card.getEmails()) {
            if (email.getValue() != null && !email.getValue().isBlank()) {
                in.emails.add(new ContactInput.Email(email.getValue(), label(card, email, email.getParameters().getTypes()),
                        isPreferred(email)));
            }
        }
        for (Telephone phone : card.getTelephoneNumbers()) {
            String number = phone.getText() != null ? phone.getText() : phone.getUri() == null ? null : phone.getUri().getNumber();
            if (number != null && !number.isBlank()) {
                in.phones.add(new ContactInput.Phone(number, label(card, phone, phone.getParameters().getTypes()), isPreferred(phone)));
            }
        }
        for (Url url : card.getUrls()) {
            String value = url.getValue();
            if (value == null || value.isBlank()) {
                continue;
            }
            String network = network(value);
            if (network != null) {
                in.socialProfiles.add(new ContactInput.SocialProfile(network, value, null, null, null));
            } else {
                String kind = url.getType() == null ? "website" : url.getType().toLowerCase(Locale.ROOT);
                in.websites.add(new ContactInput.Website(value, List.of("blog", "feed").contains(kind) ? kind : "website",
                        null, null));
            }
        }
        for (RawProperty social : card.getExtendedProperties(VCardMapper.SOCIAL_PROFILE)) {
            String type = social.getParameters().getType();
            String network = type == null ? network(social.getValue()) : type.toLowerCase(Locale.ROOT);
            String value = social.getValue();
            boolean isUrl = value != null && value.contains("/");
            in.socialProfiles.add(new ContactInput.SocialProfile(network == null ? "other" : network,
                    isUrl ? value : null, isUrl ? null : value, null, null));
        }
        if (card.getOrganization() != null && !card.getOrganization().getValues().isEmpty()) {
            List<String> org = card.getOrganization().getValues();
            in.company = org.get(0);
            in.department = org.size() > 1 ? org.get(1) : null;
        }
        if (!card.getTitles().isEmpty()) {
            in.title = card.getTitles().get(0).getValue();
        }
        if (!card.getAddresses().isEmpty()) {
            address(in, card.getAddresses().get(0));
        }
        in.birthday = birthday(card.getBirthday());
        if (!card.getNotes().isEmpty()) {
            in.note = card.getNotes().get(0).getValue();
        }
        if (card.getCategories() != null) {
            // Google exports its system group as a category; it is not the user's tag.
            card.getCategories().getValues().stream().filter(t -> !t.isBlank() && !t.equalsIgnoreCase("myContacts"))
                    .forEach(in.tags::add);
        }
        in.pronouns = extended(card, VCardMapper.PRONOUNS);
        in.howWeMet = extended(card, VCardMapper.HOW_WE_MET);
        in.metAt = extended(card, VCardMapper.MET_AT);
        in.metOn = extended(card, VCardMapper.MET_ON);
        in.relationship = extended(card, VCardMapper.RELATIONSHIP);
        String uid = card.getUid() == null ? null : card.getUid().getValue();
        return ImportCandidate.of(row, uid, in.build());
    }

    /** Apple puts a property's label in an {@code X-ABLabel} of the same group ({@code item1.EMAIL}, {@code item1.X-ABLabel}). */
    private static String label(VCard card, VCardProperty property, List<String> types) {
        if (property.getGroup() != null) {
            for (RawProperty label : card.getExtendedProperties("X-ABLabel")) {
                if (property.getGroup().equalsIgnoreCase(label.getGroup()) && label.getValue() != null) {
                    Matcher apple = APPLE_LABEL.matcher(label.getValue());
                    return (apple.matches() ? apple.group(1) : label.getValue()).toLowerCase(Locale.ROOT);
                }
            }
        }
        for (String type : types) {
            String t = type.toLowerCase(Locale.ROOT);
            switch (t) {
                case "work":
                    return "work";
                case "home":
                    return "personal";
                case "cell", "mobile", "iphone":
                    return "mobile";
                default:
                    break;
            }
        }
        return null;
    }

    private static boolean isPreferred(VCardProperty property) {
        Integer pref = property.getParameters().getPref();
        return (pref != null && pref == 1)
                || property.getParameters().getTypes().stream().anyMatch(t -> t.equalsIgnoreCase("pref"));
    }

    private static String network(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> host : SOCIAL_HOSTS.entrySet()) {
            if (lower.matches("^(https?://)?([a-z0-9-]+\\.)*" + Pattern.quote(host.getKey()) + "(/.*)?$")) {
                return host.getValue();
            }
        }
        return null;
    }

    private static void address(Inputs in, Address address) {
        in.city = address.getLocality();
        in.region = address.getRegion();
        in.address = address.getStreetAddress();
        String country = address.getCountry();
        in.country = Countries.toIso(country);
        if (country != null && in.country == null) {
            // A country name we cannot place is kept as text rather than lost.
            in.address = in.address == null ? country : in.address + ", " + country;
        }
    }

    private static ContactInput.Birthday birthday(Birthday birthday) {
        if (birthday == null) {
            return null;
        }
        boolean omitYear = birthday.getParameter(VCardMapper.APPLE_OMIT_YEAR) != null;
        Temporal date = birthday.getDate();
        if (date != null && date.isSupported(ChronoField.MONTH_OF_YEAR)) {
            LocalDate day = LocalDate.of(date.get(ChronoField.YEAR), date.get(ChronoField.MONTH_OF_YEAR), date.get(ChronoField.DAY_OF_MONTH));
            return new ContactInput.Birthday(day.getMonthValue(), day.getDayOfMonth(), omitYear ? null : day.getYear());
        }
        PartialDate partial = birthday.getPartialDate();
        if (partial != null && partial.getMonth() != null && partial.getDate() != null) {
            return new ContactInput.Birthday(partial.getMonth(), partial.getDate(), omitYear ? null : partial.getYear());
        }
        return null;
    }

    private static String extended(VCard card, String name) {
        RawProperty property = card.getExtendedProperty(name);
        return property == null ? null : property.getValue();
    }
}
