package dev.rapport.contacts.mapping.imports;

import ezvcard.VCard;
import ezvcard.io.text.VCardReader;

import java.io.IOException;
import java.io.UncheckedIOException;
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
        Set<Integer> guessed = guessedCards(text, decoded.guessedLines());
        List<ImportCandidate> rows = new ArrayList<>();
        // One card at a time, each dropped once it is a candidate: a file's parsed cards all at once take many times
        // its size (100,000 cards ran a 256 MiB heap out).
        try (VCardReader reader = new VCardReader(text)) {
            for (VCard card; (card = reader.readNext()) != null; ) {
                int number = rows.size() + 1;
                try {
                    ImportCandidate row = new CardReader(card).candidate(number);
                    rows.add(guessed.contains(number) ? row.withWarning(ImportText.GUESSED) : row);
                } catch (RuntimeException e) {
                    rows.add(ImportCandidate.unreadable(number, "Unreadable card: " + e.getMessage()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Reading a vCard file from memory failed", e);
        }
        if (rows.isEmpty()) {
            throw new InvalidImportFile("No vCard could be read from the file");
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
