package dev.rapport.contacts.mapping.imports;

import ezvcard.VCard;
import ezvcard.property.RawProperty;
import ezvcard.property.VCardProperty;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The label of an email, phone, address or URL: Apple's (and Google's) {@code itemN.X-ABLabel} of the same
 * group, where Apple encodes its standard labels as {@code _$!<Mobile>!$_}; else the property's TYPE.
 */
final class AppleLabels {

    static final String LABEL = "X-ABLabel";
    private static final Pattern STANDARD = Pattern.compile("_\\$!<(.+)>!\\$_");

    private AppleLabels() {
    }

    /** The X-ABLabel property that labels {@code property}, if any. */
    static Optional<RawProperty> labelOf(VCard card, VCardProperty property) {
        if (property.getGroup() == null) {
            return Optional.empty();
        }
        return card.getExtendedProperties(LABEL).stream()
                .filter(label -> property.getGroup().equalsIgnoreCase(label.getGroup()) && label.getValue() != null)
                .findFirst();
    }

    /** The label in Rapport's words: lower case, home → personal, cell/iPhone → mobile, Apple's HomePage → none. */
    static String label(VCard card, VCardProperty property, List<String> types) {
        Optional<RawProperty> label = labelOf(card, property);
        if (label.isPresent()) {
            Matcher standard = STANDARD.matcher(label.get().getValue().strip());
            return word(standard.matches() ? standard.group(1) : label.get().getValue().strip());
        }
        return types.stream().map(AppleLabels::typeWord).filter(w -> w != null).findFirst().orElse(null);
    }

    private static String word(String label) {
        String lower = label.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "home" -> "personal";
            case "cell", "mobile", "iphone" -> "mobile";
            case "homepage", "" -> null;
            default -> lower;
        };
    }

    /** A TYPE that is a label (work, home, cell, fax, ...), not a technicality (voice, internet, pref, x400). */
    private static String typeWord(String type) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "work", "home", "cell", "mobile", "iphone", "fax", "pager", "main", "other" -> word(type);
            default -> null;
        };
    }
}
