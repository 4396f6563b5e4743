package dev.rapport.contacts.service;

import dev.rapport.contacts.domain.ContactDetails;
import dev.rapport.contacts.domain.EmailAddress;
import dev.rapport.contacts.domain.PhoneNumber;
import dev.rapport.contacts.domain.SocialProfile;
import dev.rapport.contacts.repository.ContactRepository.PointHolder;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Which contact each row of an import batch belongs to, looked up for the whole batch at once and kept up to
 * date as rows are applied, so a row also finds a contact an earlier row of the batch created.
 */
final class ImportMatches {

    private final Map<String, UUID> bySource = new HashMap<>();
    private final Map<String, UUID> byKey = new HashMap<>();
    private final Map<UUID, Instant> createdAt = new HashMap<>();

    ImportMatches(Map<String, UUID> bySource, List<PointHolder> holders) {
        this.bySource.putAll(bySource);
        holders.stream().sorted(Comparator.comparing(PointHolder::createdAt)).forEach(h -> add(h.id(), h.createdAt(), Stream.of(
                h.emails().stream().filter(Objects::nonNull).map(ImportMatches::email),
                h.phones().stream().filter(Objects::nonNull).map(ImportMatches::phone),
                h.profileUrls().stream().filter(Objects::nonNull).map(ImportMatches::profile)).flatMap(s -> s).toList()));
    }

    /**
     * The normalised email, phone and profile URL keys of {@code details}. A phone kept as written and a profile
     * known by its handle alone are no keys: the same digits or name can be another person's elsewhere.
     */
    private static List<String> keys(ContactDetails details) {
        return Stream.concat(personalKeys(details),
                details.phones().stream().map(PhoneNumber::number).filter(Objects::nonNull).map(ImportMatches::phone)).toList();
    }

    /** The keys only one person has: emails and profile URLs. */
    private static Stream<String> personalKeys(ContactDetails details) {
        return Stream.concat(
                details.emails().stream().map(EmailAddress::address).map(ImportMatches::email),
                details.socialProfiles().stream().map(SocialProfile::url).filter(Objects::nonNull).map(ImportMatches::profile));
    }

    private static String email(String address) {
        return "email " + address;
    }

    private static String phone(String number) {
        return "phone " + number;
    }

    private static String profile(String url) {
        return "profile " + url;
    }

    Optional<UUID> bySource(String sourceId) {
        return Optional.ofNullable(sourceId).map(bySource::get);
    }

    /** The oldest contact sharing a key with {@code details}. */
    Optional<UUID> byKeys(ContactDetails details) {
        return keys(details).stream().map(byKey::get).filter(Objects::nonNull).distinct()
                .min(Comparator.comparing(createdAt::get));
    }

    /**
     * The other contacts, oldest first, that share with {@code details} a key only one person has: an email or a
     * profile URL. A row holding keys of two contacts shows they are one person (imported in pieces from several
     * address books); a phone is no such proof, since colleagues share a switchboard.
     */
    List<UUID> othersHoldingPersonalKeys(UUID contactId, ContactDetails details) {
        return personalKeys(details)
                .map(byKey::get).filter(Objects::nonNull).filter(id -> !id.equals(contactId)).distinct()
                .sorted(Comparator.comparing(createdAt::get)).toList();
    }

    /** {@code absorbed} were merged into {@code survivor}: whatever led to them leads to it now. */
    void merged(UUID survivor, List<UUID> absorbed) {
        byKey.replaceAll((key, id) -> absorbed.contains(id) ? survivor : id);
        bySource.replaceAll((source, id) -> absorbed.contains(id) ? survivor : id);
    }

    /** A row was applied to {@code contactId}: later rows of the batch find it by its source and its keys. */
    void applied(String sourceId, UUID contactId, Instant contactCreatedAt, ContactDetails details) {
        if (sourceId != null) {
            bySource.put(sourceId, contactId);
        }
        add(contactId, contactCreatedAt, keys(details));
    }

    private void add(UUID contactId, Instant contactCreatedAt, List<String> keys) {
        createdAt.putIfAbsent(contactId, contactCreatedAt);
        keys.forEach(key -> byKey.putIfAbsent(key, contactId));
    }
}
