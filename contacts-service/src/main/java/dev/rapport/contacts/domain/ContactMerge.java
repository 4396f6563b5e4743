package dev.rapport.contacts.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What an import adds to a contact that already exists: empty fields are filled and new contact points and
 * tags are added; nothing the contact already has is overwritten.
 */
public final class ContactMerge {
    private ContactMerge() {
    }

    public static ContactDetails fill(ContactDetails have, ContactDetails add) {
        return new ContactDetails(or(have.givenName(), add.givenName()), or(have.familyName(), add.familyName()),
                have.displayName() != null || have.givenName() != null || have.familyName() != null
                        ? have.displayName() : add.displayName(),
                or(have.nickname(), add.nickname()), or(have.pronouns(), add.pronouns()),
                union(have.emails(), add.emails(), EmailAddress::address, EmailAddress::primary,
                        e -> new EmailAddress(e.address(), e.label(), false)),
                PhoneLists.withoutTwins(union(have.phones(), add.phones(), PhoneNumber::identity, PhoneNumber::primary,
                        p -> p.withPrimary(false))),
                union(have.socialProfiles(), add.socialProfiles(), SocialProfile::identity, SocialProfile::primary,
                        s -> s.withPrimary(false)),
                union(have.websites(), add.websites(), Website::url, Website::primary,
                        w -> new Website(w.url(), w.kind(), w.label(), false)),
                or(have.company(), add.company()), or(have.title(), add.title()), or(have.department(), add.department()),
                or(have.city(), add.city()), or(have.region(), add.region()), or(have.country(), add.country()),
                or(have.address(), add.address()), birthday(have.birthday(), add.birthday()), or(have.howWeMet(), add.howWeMet()),
                or(have.metAt(), add.metAt()), or(have.metOn(), add.metOn()), or(have.relationship(), add.relationship()),
                or(have.note(), add.note()), tags(have.tags(), add.tags()), have.visibility());
    }

    /**
     * What {@link #fill} leaves out of {@code add} because the contact already has another value there, one line
     * per field ("note 'x' not imported: the contact has 'y'"), so an import can say so instead of losing it.
     */
    public static List<String> notFilled(ContactDetails have, ContactDetails add) {
        ContactDetails filled = fill(have, add);
        List<String> left = new ArrayList<>();
        for (String field : ContactDetails.SINGLE_VALUED) {
            Object offered = add.get(field);
            Object kept = field.equals("displayName") ? filled.shownName() : filled.get(field);
            boolean placed = offered == null || offered.equals(kept) || field.equals("visibility")
                    || (offered instanceof Birthday b && kept instanceof Birthday k && k.includes(b));
            if (!placed) {
                left.add(field + " '" + offered + "' not imported: the contact has '" + kept + "'");
            }
        }
        return left;
    }

    /** The birthday the contact has; its year is filled in when the import knows the same day with a year. */
    private static Birthday birthday(Birthday have, Birthday add) {
        return have != null && add != null && add.includes(have) ? add : or(have, add);
    }

    private static <T> T or(T have, T add) {
        return have != null ? have : add;
    }

    private static <P> List<P> union(List<P> have, List<P> add, Function<P, String> key, Function<P, Boolean> primary,
                                     UnaryOperator<P> notPrimary) {
        Map<String, P> all = new LinkedHashMap<>();
        have.forEach(p -> all.put(key.apply(p), p));
        boolean hasPrimary = have.stream().anyMatch(primary::apply);
        for (P p : add) {
            all.putIfAbsent(key.apply(p), hasPrimary && primary.apply(p) ? notPrimary.apply(p) : p);
        }
        return new ArrayList<>(all.values());
    }

    private static List<String> tags(List<String> have, List<String> add) {
        Map<String, String> all = new LinkedHashMap<>();
        have.forEach(t -> all.put(t.toLowerCase(java.util.Locale.ROOT), t));
        add.forEach(t -> all.putIfAbsent(t.toLowerCase(java.util.Locale.ROOT), t));
        return new ArrayList<>(all.values());
    }
}
