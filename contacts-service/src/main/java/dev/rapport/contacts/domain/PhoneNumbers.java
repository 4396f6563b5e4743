package dev.rapport.contacts.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import java.util.Optional;

/** Phone numbers parsed with libphonenumber into E.164. */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final String UNKNOWN_REGION = "ZZ";

    private PhoneNumbers() {
    }

    /**
     * @param defaultRegion ISO 3166 region for numbers written without a country code, or empty
     * @return the number in E.164
     * @throws InvalidValue with the reason a person can act on
     */
    public static String toE164(String raw, Optional<String> defaultRegion) {
        String region = defaultRegion.orElse(UNKNOWN_REGION);
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = UTIL.parse(raw, region);
        } catch (NumberParseException e) {
            throw new InvalidValue(switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> defaultRegion.isEmpty()
                        ? "has no country code: write it as +<country code> <number>, or set the workspace's default phone region"
                        : "has an unknown country code";
                case NOT_A_NUMBER -> "is not a phone number";
                case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "is too short to be a phone number";
                case TOO_LONG -> "is too long to be a phone number";
            });
        }
        if (!UTIL.isValidNumber(parsed)) {
            return invalid(parsed);
        }
        return UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    private static String invalid(Phonenumber.PhoneNumber parsed) {
        String region = UTIL.getRegionCodeForCountryCode(parsed.getCountryCode());
        throw new InvalidValue("is not a valid phone number for region " + region + " (+" + parsed.getCountryCode() + ")");
    }

    public static boolean isRegion(String region) {
        return region != null && UTIL.getSupportedRegions().contains(region);
    }
}
