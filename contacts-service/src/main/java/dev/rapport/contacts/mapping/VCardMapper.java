package dev.rapport.contacts.mapping;

import dev.rapport.contacts.domain.Birthday;
import dev.rapport.contacts.domain.Contact;
import dev.rapport.contacts.domain.ContactDetails;
import dev.rapport.contacts.domain.EmailAddress;
import dev.rapport.contacts.domain.PhoneNumber;
import dev.rapport.contacts.domain.SocialProfile;
import dev.rapport.contacts.domain.Website;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Email;
import ezvcard.property.Kind;
import ezvcard.property.Organization;
import ezvcard.property.RawProperty;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Uid;
import ezvcard.property.Url;
import ezvcard.util.PartialDate;

import java.time.LocalDate;

/**
 * A contact as a vCard (ez-vcard writes 4.0 or 3.0). Social profiles use Apple's {@code X-SOCIALPROFILE};
 * what vCard has no property for travels in {@code X-RAPPORT-*} properties so a re-import loses nothing.
 */
public final class VCardMapper {

    public static final String SOCIAL_PROFILE = "X-SOCIALPROFILE";
    /** Apple's label for a property of the same group ({@code item1.URL} with {@code item1.X-ABLabel}). */
    public static final String APPLE_LABEL = "X-ABLabel";
    public static final String PRONOUNS = "X-RAPPORT-PRONOUNS";
    public static final String HOW_WE_MET = "X-RAPPORT-HOW-WE-MET";
    public static final String MET_AT = "X-RAPPORT-MET-AT";
    public static final String MET_ON = "X-RAPPORT-MET-ON";
    public static final String RELATIONSHIP = "X-RAPPORT-RELATIONSHIP";
    /** Apple's marker for a birthday without a year (vCard 3.0 has no partial dates). */
    public static final String APPLE_OMIT_YEAR = "X-APPLE-OMIT-YEAR";
    private static final int APPLE_NO_YEAR = 1604;

    private VCardMapper() {
    }

    public static VCard toVCard(Contact contact, VCardVersion version) {
        ContactDetails d = contact.details();
        VCard card = new VCard();
        card.setUid(new Uid("urn:uuid:" + contact.id()));
        if (version == VCardVersion.V4_0) {
            card.setKind(Kind.individual());
        }
        card.setFormattedName(contact.displayName());
        StructuredName name = new StructuredName();
        name.setFamily(d.familyName());
        name.setGiven(d.givenName());
        card.setStructuredName(name);
        if (d.nickname() != null) {
            card.setNickname(d.nickname());
        }
        for (EmailAddress email : d.emails()) {
            Email property = new Email(email.address());
            if (email.label() != null) {
                property.getTypes().add(emailType(parameterValue(email.label(), version)));
            }
            if (email.primary()) {
                property.setPref(1);
            }
            card.addEmail(property);
        }
        for (PhoneNumber phone : d.phones()) {
            // As it was written when that is international (it reads the same anywhere) or all we know, else E.164.
            Telephone property = new Telephone(!phone.normalised() || phone.original().startsWith("+")
                    ? phone.original() : phone.number());
            if (phone.label() != null) {
                property.getTypes().add(telephoneType(parameterValue(phone.label(), version)));
            }
            if (phone.primary()) {
                property.setPref(1);
            }
            card.addTelephoneNumber(property);
        }
        int group = 0;
        for (Website website : d.websites()) {
            Url url = new Url(website.url());
            url.setType(website.kind());
            card.addUrl(url);
            if (website.label() != null) {
                // Apple's and Google's way to label a property: a group shared with an X-ABLabel.
                url.setGroup("item" + ++group);
                card.addExtendedProperty(APPLE_LABEL, website.label()).setGroup(url.getGroup());
            }
        }
        for (SocialProfile profile : d.socialProfiles()) {
            RawProperty property = card.addExtendedProperty(SOCIAL_PROFILE, profile.url());
            // A network Rapport files under "other" keeps its own name, as the importer reads it back.
            property.getParameters().setType("other".equals(profile.network()) && profile.label() != null
                    ? parameterValue(profile.label(), version) : profile.network());
            if (profile.handle() != null) {
                property.getParameters().put("X-USER", profile.handle());
            }
        }
        if (d.company() != null || d.department() != null) {
            Organization organization = new Organization();
            organization.getValues().add(d.company() == null ? "" : d.company());
            if (d.department() != null) {
                organization.getValues().add(d.department());
            }
            card.setOrganization(organization);
        }
        if (d.title() != null) {
            card.addTitle(d.title());
        }
        if (d.city() != null || d.region() != null || d.country() != null || d.address() != null) {
            Address address = new Address();
            address.setStreetAddress(d.address());
            address.setLocality(d.city());
            address.setRegion(d.region());
            address.setCountry(d.country());
            card.addAddress(address);
        }
        birthday(card, d.birthday(), version);
        if (d.note() != null) {
            card.addNote(d.note());
        }
        if (!d.tags().isEmpty()) {
            card.setCategories(d.tags().toArray(String[]::new));
        }
        extended(card, PRONOUNS, d.pronouns());
        extended(card, HOW_WE_MET, d.howWeMet());
        extended(card, MET_AT, d.metAt());
        extended(card, MET_ON, d.metOn() == null ? null : d.metOn().toString());
        extended(card, RELATIONSHIP, d.relationship() == null ? null : d.relationship().wire());
        card.setRevision(contact.updatedAt());
        return card;
    }

    private static void birthday(VCard card, Birthday birthday, VCardVersion version) {
        if (birthday == null) {
            return;
        }
        if (birthday.year() != null) {
            card.setBirthday(LocalDate.of(birthday.year(), birthday.month(), birthday.day()));
        } else if (version == VCardVersion.V4_0) {
            card.setBirthday(new ezvcard.property.Birthday(PartialDate.builder().month(birthday.month()).date(birthday.day()).build()));
        } else {
            ezvcard.property.Birthday property = card.setBirthday(LocalDate.of(APPLE_NO_YEAR, birthday.month(), birthday.day()));
            property.getParameters().put(APPLE_OMIT_YEAR, String.valueOf(APPLE_NO_YEAR));
        }
    }

    private static void extended(VCard card, String name, String value) {
        if (value != null) {
            card.addExtendedProperty(name, value);
        }
    }

    /**
     * A label as a TYPE parameter value. vCard 4.0 caret-encodes quotes and line breaks (RFC 6868, switched on in
     * the writer); 3.0 has no way to write them, so there they become an apostrophe and a space.
     */
    private static String parameterValue(String label, VCardVersion version) {
        return version == VCardVersion.V4_0 ? label : label.replaceAll("[\\r\\n]+", " ").replace('"', '\'');
    }

    private static EmailType emailType(String label) {
        return switch (label) {
            case "work" -> EmailType.WORK;
            case "personal", "home" -> EmailType.HOME;
            default -> EmailType.get(label);
        };
    }

    private static TelephoneType telephoneType(String label) {
        return switch (label) {
            case "mobile", "cell" -> TelephoneType.CELL;
            case "work" -> TelephoneType.WORK;
            case "home", "personal" -> TelephoneType.HOME;
            default -> TelephoneType.get(label);
        };
    }
}
