package dev.rapport.contacts.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import dev.rapport.contacts.domain.ContactDetails;
import dev.rapport.contacts.domain.ContactDraft;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

@Schema(name = "ContactInput", description = """
        What a client writes about a contact (POST body; PATCH merges a JSON Merge Patch into it). \
        Unknown fields are rejected with 422, never silently ignored. Lists (emails, phones, ...) are \
        replaced as a whole by a PATCH, as RFC 7386 says.""")
public record ContactInput(
        @Schema(examples = "Ada") @Size(max = 100) String givenName,
        @Schema(examples = "Lovelace") @Size(max = 100) String familyName,
        @Schema(description = "Derived from the other names when absent", examples = "Ada Lovelace") @Size(max = 200) String displayName,
        @Size(max = 100) String nickname,
        @Schema(examples = "she/her") @Size(max = 50) String pronouns,
        @Size(max = 50) List<@Valid @NotNull Email> emails,
        @Size(max = 50) List<@Valid @NotNull Phone> phones,
        @Size(max = 50) List<@Valid @NotNull SocialProfile> socialProfiles,
        @Size(max = 50) List<@Valid @NotNull Website> websites,
        @Schema(examples = "Analytical Engines Ltd") @Size(max = 200) String company,
        @Schema(examples = "CTO") @Size(max = 200) String title,
        @Size(max = 200) String department,
        @Schema(examples = "London") @Size(max = 200) String city,
        @Size(max = 200) String region,
        @Schema(description = "ISO 3166-1 alpha-2", examples = "GB") @Size(max = 2) String country,
        @Size(max = 1000) String address,
        @Valid Birthday birthday,
        @Schema(examples = "Introduced by Charles at the Royal Society") @Size(max = 2000) String howWeMet,
        @Size(max = 200) String metAt,
        @Schema(description = "ISO date", examples = "1833-06-05") String metOn,
        @Schema(enumeration = {"professional", "personal", "both"}) String relationship,
        @Size(max = 10000) String note,
        @Size(max = 50) List<@NotBlank @Size(max = 60) String> tags,
        @Schema(enumeration = {"workspace", "private"}, defaultValue = "workspace") String visibility) {

    /** What the client wrote, for the service to read: the same fields, no longer the API's type. */
    public ContactDraft toDraft() {
        return new ContactDraft(givenName, familyName, displayName, nickname, pronouns,
                map(emails, e -> new ContactDraft.Email(e.address(), e.label(), e.primary())),
                map(phones, p -> new ContactDraft.Phone(p.number(), p.label(), p.primary())),
                map(socialProfiles, s -> new ContactDraft.SocialProfile(s.network(), s.url(), s.handle(), s.label(), s.primary())),
                map(websites, w -> new ContactDraft.Website(w.url(), w.kind(), w.label(), w.primary())),
                company, title, department, city, region, country, address,
                birthday == null ? null : new ContactDraft.Birthday(birthday.month(), birthday.day(), birthday.year()),
                howWeMet, metAt, metOn, relationship, note, tags, visibility);
    }

    /** A contact's current details as the input that would write them (phones as written): what a Merge Patch applies to. */
    public static ContactInput of(ContactDetails d) {
        var b = d.birthday();
        return new ContactInput(d.givenName(), d.familyName(), d.displayName(), d.nickname(), d.pronouns(),
                d.emails().stream().map(e -> new Email(e.address(), e.label(), e.primary())).toList(),
                d.phones().stream().map(p -> new Phone(p.original(), p.label(), p.primary())).toList(),
                d.socialProfiles().stream().map(s -> new SocialProfile(s.network(), s.url(), s.handle(), s.label(), s.primary())).toList(),
                d.websites().stream().map(w -> new Website(w.url(), w.kind(), w.label(), w.primary())).toList(),
                d.company(), d.title(), d.department(), d.city(), d.region(), d.country(), d.address(),
                b == null ? null : new Birthday(b.month(), b.day(), b.year()),
                d.howWeMet(), d.metAt(), d.metOn() == null ? null : d.metOn().toString(),
                d.relationship() == null ? null : d.relationship().wire(), d.note(), d.tags(), d.visibility().wire());
    }

    /** Each item mapped; a null list (a field not sent) and a null item (refused by validation) stay null. */
    private static <A, B> List<B> map(List<A> items, Function<A, B> mapping) {
        return items == null ? null : items.stream().map(item -> item == null ? null : mapping.apply(item)).toList();
    }

    @Schema(name = "EmailInput")
    public record Email(
            @Schema(examples = "ada@example.org") @NotBlank @jakarta.validation.constraints.Email @Size(max = 320) String address,
            @Schema(examples = "personal", description = "work, personal, or your own word") @Size(max = 50) String label,
            Boolean primary) {
    }

    @Schema(name = "PhoneInput")
    public record Phone(
            @Schema(description = "With its country code, or national: then read in the contact's country, else the region "
                    + "of another of its numbers, else the workspace's default region; with none of them known it is kept as "
                    + "written (normalized false). A number invalid in the regions known is refused.",
                    examples = "+44 20 7946 0958") @NotBlank @Size(max = 50) String number,
            @Schema(examples = "mobile") @Size(max = 50) String label,
            Boolean primary) {
    }

    @Schema(name = "SocialProfileInput", description = "A url, a handle, or both")
    public record SocialProfile(
            @Schema(description = "linkedin, facebook, x, github, instagram, mastodon or other; twitter is read as x, and any "
                    + "other network's name (flickr, yelp, ...) as other with that name as the label", examples = "linkedin")
            @NotBlank @Size(max = 50) String network,
            @Schema(examples = "https://www.linkedin.com/in/ada-lovelace") @Size(max = 500) String url,
            @Size(max = 200) String handle,
            @Size(max = 50) String label,
            Boolean primary) {
    }

    @Schema(name = "WebsiteInput")
    public record Website(
            @Schema(examples = "https://ada.example.org/blog") @NotBlank @Size(max = 500) String url,
            @Schema(enumeration = {"website", "blog", "feed"}, defaultValue = "website") String kind,
            @Size(max = 50) String label,
            Boolean primary) {
    }

    @Schema(name = "BirthdayInput", description = """
            Day and month, which must exist (February 29 does); the year when known. A day that does not exist \
            is a 422 on `birthday` ("is not a real date"); a year before 1850 ("must be 1850 or later") or after \
            this one ("is in the future") is a 422 on `birthday.year`.""")
    public record Birthday(
            @NotNull @Min(1) @Max(12) Integer month,
            @NotNull @Min(1) @Max(31) Integer day,
            @Schema(description = "From 1850 up to the current year; left out or null when unknown", examples = "1985")
            @Min(value = ContactDraft.Birthday.FIRST_YEAR, message = ContactDraft.Birthday.TOO_EARLY) Integer year) {
    }
}
