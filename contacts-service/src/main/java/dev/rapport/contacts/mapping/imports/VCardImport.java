package dev.rapport.contacts.mapping.imports;

import ezvcard.Ezvcard;
import ezvcard.VCard;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * vCard 2.1/3.0/4.0 files with many cards, as Google, Apple and Outlook export them, read with ez-vcard; each
 * card is read by a {@link CardReader}. The file's bytes are read as {@link ImportText#vcard} says.
 */
public final class VCardImport {

    private VCardImport() {
    }

    public static List<ImportCandidate> read(byte[] file) {
        ImportText.Decoded decoded = ImportText.vcard(file);
        String text = decoded.text();
        if (!text.toUpperCase(Locale.ROOT).contains("BEGIN:VCARD")) {
            throw new InvalidImportFile("Not a vCard file: no BEGIN:VCARD found");
        }
        List<VCard> cards = Ezvcard.parse(text).all();
        if (cards.isEmpty()) {
            throw new InvalidImportFile("No vCard could be read from the file");
        }
        Set<Integer> guessed = guessedCards(text, decoded.guessedLines());
        List<ImportCandidate> rows = new ArrayList<>();
        for (int i = 0; i < cards.size(); i++) {
            try {
                ImportCandidate row = new CardReader(cards.get(i)).candidate(i + 1);
                rows.add(guessed.contains(i + 1) ? row.withWarning(ImportText.GUESSED) : row);
            } catch (RuntimeException e) {
                rows.add(ImportCandidate.unreadable(i + 1, "Unreadable card: " + e.getMessage()));
            }
        }
        return rows;
    }

    /** The cards (1-based, in file order; a card nested in another's AGENT is part of it) holding a guessed line. */
    private static Set<Integer> guessedCards(String text, Set<Integer> guessedLines) {
        Set<Integer> cards = new HashSet<>();
        if (guessedLines.isEmpty()) {
            return cards;
        }
        int card = 0;
        int depth = 0;
        String[] lines = text.split("\n", -1);
        for (int line = 1; line <= lines.length; line++) {
            String upper = lines[line - 1].strip().toUpperCase(Locale.ROOT);
            if (upper.startsWith("BEGIN:VCARD") && depth++ == 0) {
                card++;
            }
            if (guessedLines.contains(line) && depth > 0) {
                cards.add(card);
            }
            if (upper.startsWith("END:VCARD") && depth > 0) {
                depth--;
            }
        }
        return cards;
    }
}
