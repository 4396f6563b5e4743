package dev.rapport.contacts.mapping.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an imported file, never with U+FFFD for bytes that were not UTF-8. A file is UTF-8 when it is valid
 * UTF-8 (with or without its byte order mark), UTF-16 when it starts with a UTF-16 byte order mark. Otherwise it was
 * written in a legacy character set: a vCard line in the {@code CHARSET} its property declares, anything else in
 * Windows-1252, what Outlook and Excel on Windows write (and a superset of ISO-8859-1). Only that last reading is a
 * guess; the lines read by it are named, so their rows can say so.
 */
final class ImportText {

    /** Said on a row whose text was read by the guess. */
    static final String GUESSED = "text read as Windows-1252: the file is not UTF-8 and names no character set;"
            + " check its accented letters";

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Pattern CHARSET = Pattern.compile(";\\s*CHARSET\\s*=\\s*\"?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);
    /** Windows-1252 leaves five bytes unassigned; they are read as the ISO-8859-1 characters of the same code. */
    private static final char[] HIGH = new char[128];

    static {
        for (int b = 0x80; b <= 0xFF; b++) {
            String c = new String(new byte[]{(byte) b}, WINDOWS_1252);
            HIGH[b - 0x80] = c.length() == 1 && c.charAt(0) != '\uFFFD' ? c.charAt(0) : (char) b;
        }
    }

    private ImportText() {
    }

    /** The text, and the 1-based line numbers read as Windows-1252 without the file saying so. */
    record Decoded(String text, Set<Integer> guessedLines) {
        boolean guessed() {
            return !guessedLines.isEmpty();
        }
    }

    /** A file in one character set throughout (CSV, JSON): UTF-8, UTF-16 by its mark, else Windows-1252. */
    static Decoded whole(byte[] file) {
        Optional<String> unicode = unicode(file);
        if (unicode.isPresent()) {
            return new Decoded(unicode.get(), Set.of());
        }
        String text = windows1252(file, 0, file.length);
        Set<Integer> guessed = new HashSet<>();
        int line = 1;
        for (int i = 0; i < file.length; i++) {
            if (file[i] < 0) {
                guessed.add(line);
            } else if (file[i] == '\n') {
                line++;
            }
        }
        return new Decoded(text, guessed);
    }

    /**
     * A vCard file, where each property may say its character set (vCard 2.1's {@code CHARSET}, as Outlook writes
     * it) and cards from several programs are often joined: a file that is not UTF-8 is read line by line, a folded
     * line's continuations with the line they continue.
     */
    static Decoded vcard(byte[] file) {
        Optional<String> unicode = unicode(file);
        if (unicode.isPresent()) {
            return new Decoded(unicode.get(), Set.of());
        }
        StringBuilder text = new StringBuilder(file.length);
        Set<Integer> guessed = new HashSet<>();
        Charset declared = null;
        int line = 1;
        for (int start = 0; start < file.length; line++) {
            int end = start;
            while (end < file.length && file[end] != '\n') {
                end++;
            }
            end = Math.min(end + 1, file.length);
            boolean continuation = file[start] == ' ' || file[start] == '\t';
            if (!continuation) {
                declared = declaredCharset(file, start, end);
            }
            Optional<String> read = strict(file, start, end, StandardCharsets.UTF_8);
            if (read.isEmpty() && declared != null) {
                read = strict(file, start, end, declared);
            }
            if (read.isEmpty()) {
                guessed.add(line);
            }
            text.append(read.isPresent() ? read.get() : windows1252(file, start, end));
            start = end;
        }
        return new Decoded(text.toString(), guessed);
    }

    private static Optional<String> unicode(byte[] file) {
        if (file.length >= 2 && (file[0] & 0xFF) == 0xFE && (file[1] & 0xFF) == 0xFF) {
            return Optional.of(new String(file, 2, file.length - 2, StandardCharsets.UTF_16BE));
        }
        if (file.length >= 2 && (file[0] & 0xFF) == 0xFF && (file[1] & 0xFF) == 0xFE) {
            return Optional.of(new String(file, 2, file.length - 2, StandardCharsets.UTF_16LE));
        }
        return strict(file, 0, file.length, StandardCharsets.UTF_8).map(text -> text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static Optional<String> strict(byte[] file, int from, int to, Charset charset) {
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file, from, to - from)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String windows1252(byte[] file, int from, int to) {
        char[] chars = new char[to - from];
        for (int i = from; i < to; i++) {
            chars[i - from] = file[i] >= 0 ? (char) file[i] : HIGH[(file[i] & 0xFF) - 0x80];
        }
        return new String(chars);
    }

    /** The CHARSET a property line declares before its value, if Java knows it. */
    private static Charset declaredCharset(byte[] file, int from, int to) {
        int colon = from;
        while (colon < to && file[colon] != ':') {
            colon++;
        }
        Matcher m = CHARSET.matcher(new String(file, from, colon - from, StandardCharsets.ISO_8859_1));
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1).toLowerCase(Locale.ROOT));
        } catch (IllegalCharsetNameException | java.nio.charset.UnsupportedCharsetException e) {
            return null;
        }
    }
}
