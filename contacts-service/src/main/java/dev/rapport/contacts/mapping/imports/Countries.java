package dev.rapport.contacts.mapping.imports;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Country names or codes as address books write them ("United Kingdom", "uk", "DE") to ISO 3166 alpha-2. */
final class Countries {
    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            BY_NAME.put(code.toLowerCase(Locale.ROOT), code);
            BY_NAME.put(country.getDisplayCountry(Locale.ENGLISH).toLowerCase(Locale.ROOT), code);
            BY_NAME.put(country.getISO3Country().toLowerCase(Locale.ROOT), code);
        }
        BY_NAME.put("uk", "GB");
        BY_NAME.put("usa", "US");
        BY_NAME.put("united states of america", "US");
    }

    private Countries() {
    }

    static String toIso(String text) {
        return text == null || text.isBlank() ? null : BY_NAME.get(text.strip().toLowerCase(Locale.ROOT));
    }
}
