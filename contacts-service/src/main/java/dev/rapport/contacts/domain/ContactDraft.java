package dev.rapport.contacts.domain;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A contact as someone wrote it, before it is read: by a client (the API's {@code ContactInput}) or by an imported
 * file (one row). Every value is as written; the constraints are the limits a contact's fields have, checked with
 * what only parsing can tell when the draft becomes {@link ContactDetails}.
 */
public record ContactDraft(
        @Size(max = 100) String givenName,
        @Size(max = 100) String familyName,
        @Size(max = 200) String displayName,
        @Size(max = 100) String nickname,
        @Size(max = 50) String pronouns,
        @Size(max = 50) List<@Valid @NotNull Email> emails,
        @Size(max = 50) List<@Valid @NotNull Phone> phones,
        @Size(max = 50) List<@Valid @NotNull SocialProfile> socialProfiles,
        @Size(max = 50) List<@Valid @NotNull Website> websites,
        @Size(max = 200) String company,
        @Size(max = 200) String title,
        @Size(max = 200) String department,
        @Size(max = 200) String city,
        @Size(max = 200) String region,
        @Size(max = 2) String country,
        @Size(max = 1000) String address,
        @Valid Birthday birthday,
        @Size(max = 2000) String howWeMet,
        @Size(max = 200) String metAt,
        String metOn,
        String relationship,
        @Size(max = 10000) String note,
        @Size(max = 50) List<@NotBlank @Size(max = 60) String> tags,
        String visibility) {

    public record Email(@NotBlank @jakarta.validation.constraints.Email @Size(max = 320) String address,
                        @Size(max = 50) String label, Boolean primary) {
    }

    public record Phone(@NotBlank @Size(max = 50) String number, @Size(max = 50) String label, Boolean primary) {
    }

    public record SocialProfile(@NotBlank @Size(max = 50) String network, @Size(max = 500) String url,
                                @Size(max = 200) String handle, @Size(max = 50) String label, Boolean primary) {
    }

    public record Website(@NotBlank @Size(max = 500) String url, String kind, @Size(max = 50) String label, Boolean primary) {
    }

    /**
     * A year before {@link #FIRST_YEAR} is no living person's (Apple writes 1604 for "no year"); that the year is not
     * after this one, and that the day exists in it, is checked when the draft is read.
     */
    public record Birthday(@NotNull @Min(1) @Max(12) Integer month, @NotNull @Min(1) @Max(31) Integer day,
                           @Min(value = Birthday.FIRST_YEAR, message = Birthday.TOO_EARLY) Integer year) {
        public static final int FIRST_YEAR = 1850;
        public static final String TOO_EARLY = "must be " + FIRST_YEAR + " or later";
    }
}
