package dev.rapport.contacts.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.List;
import java.util.Optional;

/**
 * Phone numbers parsed with libphonenumber into E.164. A number written with its country code reads the same
 * anywhere; a national one ({@code 020 7946 0958}) is read in the regions known for its contact, in order, and
 * the first region that makes it a valid number wins.
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String UNKNOWN_REGION = "ZZ";

    private PhoneNumbers() {
    }

    /**
     * How a number reads: {@code e164} when some region makes it valid; else {@code problem} says why not, and
     * {@code noCountry} whether that is only for want of a region (the number itself may be fine).
     */
    public record Reading(String e164, String problem, boolean noCountry) {
        public boolean normalised() {
            return e164 != null;
        }
    }

    /**
     * @param regions ISO 3166 regions to read a national number in, most likely first; may be empty
     * @throws InvalidValue when the text is no phone number in any region (letters, too few digits)
     */
    public static Reading read(String raw, List<String> regions) {
        if (isInternational(raw) || regions.isEmpty()) {
            return readIn(raw, UNKNOWN_REGION);
        }
        Reading first = null;
        for (String region : regions) {
            Reading reading = readIn(raw, region);
            if (reading.normalised()) {
                return reading;
            }
            first = first == null ? reading : first;
        }
        return first;
    }

    private static Reading readIn(String raw, String region) {
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = UTIL.parse(raw, region);
        } catch (NumberParseException e) {
            return switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> UNKNOWN_REGION.equals(region) && !isInternational(raw)
                        ? new Reading(null, "has no country code and no country is known for it", true)
                        : new Reading(null, "has an unknown country code", false);
                case NOT_A_NUMBER -> throw new InvalidValue("is not a phone number");
                case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> new Reading(null, "is too short to be a phone number", false);
                case TOO_LONG -> new Reading(null, "is too long to be a phone number", false);
            };
        }
        if (!UTIL.isValidNumber(parsed)) {
            String of = UTIL.getRegionCodeForCountryCode(parsed.getCountryCode());
            return new Reading(null, "is not a valid phone number for region " + of + " (+" + parsed.getCountryCode() + ")", false);
        }
        return new Reading(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164), null, false);
    }

    private static boolean isInternational(String raw) {
        return raw.strip().startsWith("+");
    }

    /** The region of a number written with a valid country code ({@code +49 151 …} → DE), else empty. */
    public static Optional<String> regionOf(String raw) {
        if (!isInternational(raw)) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(raw, UNKNOWN_REGION);
            return UTIL.isValidNumber(parsed) ? Optional.ofNullable(UTIL.getRegionCodeForNumber(parsed)) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a number kept as written is {@code e164} once read in that number's own region: the same phone,
     * met once without its country and once with it.
     */
    public static boolean sameNumber(String asWritten, String e164) {
        try {
            String region = UTIL.getRegionCodeForNumber(UTIL.parse(e164, UNKNOWN_REGION));
            return region != null && e164.equals(readIn(asWritten, region).e164());
        } catch (NumberParseException | InvalidValue e) {
            return false;
        }
    }

    public static boolean isRegion(String region) {
        return region != null && UTIL.getSupportedRegions().contains(region);
    }
}
