package dev.rapport.contacts.mapping.imports;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Country names or codes as address books write them ("United Kingdom", "Deutschland", "U.S.A.", "uk", "DE") to
 * ISO 3166 alpha-2. Names are the JDK's own (CLDR) in the languages address books are most often kept in, plus
 * the usual other names; they are compared without case, accents or punctuation. English wins where two
 * languages give one name to two countries.
 */
final class Countries {

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH,
            Locale.forLanguageTag("es"), Locale.ITALIAN, Locale.forLanguageTag("nl"), Locale.forLanguageTag("pt"),
            Locale.forLanguageTag("sv"), Locale.forLanguageTag("da"), Locale.forLanguageTag("nb"), Locale.forLanguageTag("fi"),
            Locale.forLanguageTag("pl"), Locale.forLanguageTag("cs"), Locale.forLanguageTag("tr"), Locale.forLanguageTag("ru"),
            Locale.JAPANESE, Locale.CHINESE, Locale.KOREAN);
    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("uk", "GB"), Map.entry("great britain", "GB"), Map.entry("britain", "GB"), Map.entry("england", "GB"),
            Map.entry("scotland", "GB"), Map.entry("wales", "GB"), Map.entry("northern ireland", "GB"),
            Map.entry("united kingdom of great britain and northern ireland", "GB"),
            Map.entry("us", "US"), Map.entry("usa", "US"), Map.entry("america", "US"), Map.entry("united states of america", "US"),
            Map.entry("holland", "NL"), Map.entry("the netherlands", "NL"), Map.entry("czech republic", "CZ"),
            Map.entry("republic of korea", "KR"), Map.entry("korea", "KR"), Map.entry("russian federation", "RU"),
            Map.entry("turkey", "TR"), Map.entry("turkiye", "TR"), Map.entry("ivory coast", "CI"), Map.entry("vatican", "VA"),
            Map.entry("macedonia", "MK"), Map.entry("swaziland", "SZ"), Map.entry("burma", "MM"), Map.entry("uae", "AE"),
            Map.entry("prc", "CN"), Map.entry("peoples republic of china", "CN"), Map.entry("hong kong", "HK"),
            Map.entry("macau", "MO"), Map.entry("macao", "MO"), Map.entry("palestine", "PS"), Map.entry("bosnia", "BA"));
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern DOTS = Pattern.compile("[.'\u2019]");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{P}\\p{S}\\s]+");
    private static final Map<String, String> BY_NAME = new HashMap<>();

    static {
        ALIASES.forEach((name, code) -> BY_NAME.put(key(name), code));
        for (String code : Locale.getISOCountries()) {
            Locale country = new Locale("", code);
            BY_NAME.putIfAbsent(key(code), code);
            BY_NAME.putIfAbsent(key(country.getISO3Country()), code);
        }
        for (Locale language : LANGUAGES) {
            for (String code : Locale.getISOCountries()) {
                BY_NAME.putIfAbsent(key(new Locale("", code).getDisplayCountry(language)), code);
            }
        }
    }

    private Countries() {
    }

    static String toIso(String text) {
        return text == null || text.isBlank() ? null : BY_NAME.get(key(text));
    }

    /** Said on a row whose address names a country that is not known: the name is kept in the address text. */
    static String notUnderstood(String text) {
        return "country '" + text.strip() + "' not understood: kept as text in the address";
    }

    /** Lower case, no accents, dots and apostrophes, other punctuation as spaces: "U.S.A." is usa, "Royaume-Uni" royaume uni. */
    private static String key(String name) {
        String plain = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("");
        String words = PUNCTUATION.matcher(DOTS.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll("")).replaceAll(" ").strip();
        // Initials written with dots are one word: "u s a" is usa, "u k" is uk.
        return words.matches("(\\p{L} )+\\p{L}") ? words.replace(" ", "") : words;
    }
}
