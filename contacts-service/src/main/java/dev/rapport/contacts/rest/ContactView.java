package dev.rapport.contacts.rest;

import dev.rapport.contacts.domain.Contact;
import dev.rapport.contacts.domain.ContactDetails;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Contact")
public record ContactView(
        @Schema(required = true, examples = "01936f0e-7c4a-7cc1-8c3e-0f6f1d2b3a4c") UUID id,
        String givenName, String familyName,
        @Schema(required = true, examples = "Ada Lovelace",
                description = "The name set, else given and family name, else nickname, email or phone") String displayName,
        String nickname, String pronouns,
        @Schema(required = true) List<Email> emails, @Schema(required = true) List<Phone> phones,
        @Schema(required = true) List<SocialProfile> socialProfiles, @Schema(required = true) List<Website> websites,
        String company, String title, String department,
        String city, String region, String country, String address,
        Birthday birthday, String howWeMet, String metAt, LocalDate metOn,
        @Schema(enumeration = {"professional", "personal", "both"}) String relationship, String note,
        @Schema(required = true) List<String> tags,
        @Schema(required = true, enumeration = {"workspace", "private"}) String visibility,
        @Schema(description = "The user who added the contact; only they see a private contact") String ownerId,
        @Schema(description = "The user (token subject) who added the contact") String createdBy,
        @Schema(required = true) Instant createdAt, Instant updatedAt,
        @Schema(required = true, description = "Optimistic-locking version; also sent as the strong ETag") long version) {

    public static ContactView of(Contact contact) {
        ContactDetails d = contact.details();
        var b = d.birthday();
        return new ContactView(contact.id(), d.givenName(), d.familyName(), contact.displayName(), d.nickname(), d.pronouns(),
                d.emails().stream().map(e -> new Email(e.address(), e.label(), e.primary())).toList(),
                d.phones().stream().map(p -> new Phone(p.number(), p.original(), p.normalised(), p.label(), p.primary())).toList(),
                d.socialProfiles().stream().map(s -> new SocialProfile(s.network(), s.url(), s.handle(), s.label(), s.primary())).toList(),
                d.websites().stream().map(w -> new Website(w.url(), w.kind(), w.label(), w.primary())).toList(),
                d.company(), d.title(), d.department(), d.city(), d.region(), d.country(), d.address(),
                b == null ? null : new Birthday(b.month(), b.day(), b.year()),
                d.howWeMet(), d.metAt(), d.metOn(), d.relationship() == null ? null : d.relationship().wire(), d.note(),
                d.tags(), d.visibility().wire(), contact.ownerId(), contact.createdBy(),
                contact.createdAt(), contact.updatedAt(), contact.version());
    }

    @Schema(name = "Email")
    public record Email(@Schema(examples = "ada@example.org") String address, String label, @Schema(required = true) boolean primary) {
    }

    @Schema(name = "Phone", description = """
            A phone number. Written without a country code, it is read in the contact's country, else the region \
            of another of its numbers, else the workspace's default region; when none is known (or none makes it \
            valid, in an import) it is kept as written: `normalized` false and `number` null.""")
    public record Phone(@Schema(description = "E.164; null when the number could not be normalised", examples = "+442079460958",
                                nullable = true) String number,
                        @Schema(description = "As it was written", examples = "020 7946 0958") String original,
                        @Schema(required = true, description = "Whether `number` holds the number in E.164 (false: only `original` is known)")
                        boolean normalized,
                        String label, @Schema(required = true) boolean primary) {
    }

    @Schema(name = "SocialProfile", description = """
            A social profile. A network other than those listed (e.g. flickr, yelp) is `other`, named by `label`; \
            `twitter` is `x`.""")
    public record SocialProfile(
            @Schema(enumeration = {"linkedin", "facebook", "x", "github", "instagram", "mastodon", "other"}) String network,
            @Schema(description = "Null only for an `other` profile known by its handle alone", nullable = true) String url,
            @Schema(nullable = true) String handle, @Schema(nullable = true) String label, @Schema(required = true) boolean primary) {
    }

    @Schema(name = "Website")
    public record Website(String url, @Schema(required = true) String kind, String label, @Schema(required = true) boolean primary) {
    }

    @Schema(name = "Birthday")
    public record Birthday(@Schema(required = true) int month, @Schema(required = true) int day, Integer year) {
    }
}
