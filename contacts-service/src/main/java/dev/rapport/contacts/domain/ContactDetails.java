package dev.rapport.contacts.domain;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a client can write about a contact, already validated and normalised. {@code displayName} is
 * null when the client leaves it to be derived from the other names.
 */
public record ContactDetails(
        String givenName, String familyName, String displayName, String nickname, String pronouns,
        List<EmailAddress> emails, List<PhoneNumber> phones, List<SocialProfile> socialProfiles, List<Website> websites,
        String company, String title, String department,
        String city, String region, String country, String address,
        Birthday birthday, String howWeMet, String metAt, LocalDate metOn, Relationship relationship, String note,
        List<String> tags, Visibility visibility) {

    public ContactDetails {
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        socialProfiles = List.copyOf(socialProfiles);
        websites = List.copyOf(websites);
        tags = List.copyOf(tags);
        visibility = visibility == null ? Visibility.WORKSPACE : visibility;
    }

    public ContactDetails withTags(List<String> tags) {
        return new ContactDetails(givenName, familyName, displayName, nickname, pronouns, emails, phones,
                socialProfiles, websites, company, title, department, city, region, country, address, birthday,
                howWeMet, metAt, metOn, relationship, note, tags, visibility);
    }

    /** The fields a merge takes from one contact as a whole; contact points and tags are always combined. */
    public static final List<String> SINGLE_VALUED = List.of("givenName", "familyName", "displayName", "nickname",
            "pronouns", "company", "title", "department", "city", "region", "country", "address", "birthday",
            "howWeMet", "metAt", "metOn", "relationship", "note", "visibility");

    /** These details with {@code field} (one of {@link #SINGLE_VALUED}) as {@code from} has it. */
    public ContactDetails withFieldOf(String field, ContactDetails from) {
        if (!SINGLE_VALUED.contains(field)) {
            throw new IllegalArgumentException("Not a single-valued field: " + field);
        }
        RecordComponent[] components = ContactDetails.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getAccessor().invoke(components[i].getName().equals(field) ? from : this);
            }
            return ContactDetails.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The value of the field named {@code field}. */
    public Object get(String field) {
        try {
            return ContactDetails.class.getMethod(field).invoke(this);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("No field " + field, e);
        }
    }

    /** The name to show: the one set, else given + family name, else nickname, else an email or phone. */
    public String shownName() {
        if (displayName != null) {
            return displayName;
        }
        String full = String.join(" ", java.util.stream.Stream.of(givenName, familyName).filter(Objects::nonNull).toList());
        if (!full.isBlank()) {
            return full;
        }
        if (nickname != null) {
            return nickname;
        }
        if (!emails.isEmpty()) {
            return emails.get(0).address();
        }
        return phones.isEmpty() ? "" : phones.get(0).shown();
    }

    public Map<String, String> job() {
        return values("company", company, "title", title, "department", department);
    }

    public Map<String, String> place() {
        return values("city", city, "region", region, "country", country);
    }

    public Map<String, String> relationshipValue() {
        return values("relationship", relationship == null ? null : relationship.wire());
    }

    /** The names of the fields that differ from {@code other}, in declaration order. */
    public List<String> fieldsChangedFrom(ContactDetails other) {
        List<String> changed = new ArrayList<>();
        try {
            for (RecordComponent component : ContactDetails.class.getRecordComponents()) {
                if (!Objects.equals(component.getAccessor().invoke(this), component.getAccessor().invoke(other))) {
                    changed.add(component.getName());
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return changed;
    }

    private static Map<String, String> values(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
