package dev.rapport.contacts.mapping.imports;

import ezvcard.Ezvcard;
import ezvcard.VCard;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * vCard 2.1/3.0/4.0 files with many cards, as Google, Apple and Outlook export them, read with ez-vcard; each
 * card is read by a {@link CardReader}.
 */
public final class VCardImport {

    private VCardImport() {
    }

    public static List<ImportCandidate> read(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        if (!text.toUpperCase(Locale.ROOT).contains("BEGIN:VCARD")) {
            throw new InvalidImportFile("Not a vCard file: no BEGIN:VCARD found");
        }
        List<VCard> cards = Ezvcard.parse(text).all();
        if (cards.isEmpty()) {
            throw new InvalidImportFile("No vCard could be read from the file");
        }
        List<ImportCandidate> rows = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            try {
                rows.add(new CardReader(cards.get(i)).candidate(i + 1));
            } catch (RuntimeException e) {
                rows.add(ImportCandidate.unreadable(i + 1, "Unreadable card: " + e.getMessage()));
            }
        }
        return rows;
    }
}
