package dev.rapport.contacts.mapping.imports;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvReadException;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.rapport.contacts.domain.SocialProfiles;
import dev.rapport.contacts.domain.ContactDraft;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * LinkedIn's {@code Connections.csv} (after its "Notes:" preamble) and Google Contacts' CSV, read with
 * Jackson CSV by their header rows.
 */
public final class CsvImport {

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES);
    /** LinkedIn's {@code 12 Mar 2024}: strictly, so that 31 Feb 2024 is refused, not made 29 Feb. */
    private static final DateTimeFormatter LINKEDIN_DATE = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final String GOOGLE_SEPARATOR = " ::: ";

    private CsvImport() {
    }

    public static List<ImportCandidate> linkedIn(byte[] file) {
        return rows(file, "First Name", CsvImport::linkedInRow);
    }

    public static List<ImportCandidate> google(byte[] file) {
        return rows(file, null, CsvImport::googleRow);
    }

    /** Whether a CSV file looks like LinkedIn's export (its header has URL and Connected On). */
    public static boolean looksLikeLinkedIn(byte[] file) {
        String text = new String(file, 0, Math.min(file.length, 4096), StandardCharsets.UTF_8);
        return text.contains("Connected On") && text.contains("First Name");
    }

    private static List<ImportCandidate> rows(byte[] file, String headerStart,
                                              BiFunction<Integer, Map<String, String>, ImportCandidate> toCandidate) {
        ImportText.Decoded decoded = ImportText.whole(file);
        String text = decoded.text();
        int skippedLines = 0;
        if (headerStart != null) {
            int header = text.indexOf(headerStart);
            if (header < 0) {
                throw new InvalidImportFile("No header row starting with '" + headerStart + "' found");
            }
            skippedLines = (int) text.substring(0, header).chars().filter(c -> c == '\n').count();
            text = text.substring(header);
        }
        // Jackson's TRIM_SPACES trims every character up to the space, NUL included: NUL stands in as a character
        // the file does not hold while it is read, so that a NUL in a name is reported like one in a note.
        char nul = standInFor(text);
        text = text.replace('\u0000', nul);
        List<ImportCandidate> rows = new ArrayList<>();
        // The line the next row starts on, in the file (the rows' own count differs when a value spans lines).
        int line = skippedLines + 2;
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            int row = 0;
            long failedAt = -1;
            while (it.hasNextValue()) {
                row++;
                Map<String, String> values;
                try {
                    values = restore(it.nextValue(), nul);
                } catch (CsvReadException e) {
                    // A row of the wrong shape; the next one can still be read, once the parser has moved past it.
                    rows.add(ImportCandidate.unreadable(row, "Unreadable row at line " + line + ": " + plain(e)));
                    long at = it.getParser().currentLocation().getCharOffset();
                    if (at <= failedAt) {
                        break;
                    }
                    failedAt = at;
                    line++;
                    continue;
                }
                line = it.getParser().currentLocation().getLineNr() + skippedLines;
                try {
                    ImportCandidate candidate = toCandidate.apply(row, values);
                    boolean guessed = decoded.guessed() && values.values().stream()
                            .anyMatch(v -> v != null && v.chars().anyMatch(c -> c > 0x7F));
                    rows.add(guessed ? candidate.withWarning(ImportText.GUESSED) : candidate);
                } catch (RuntimeException e) {
                    rows.add(ImportCandidate.unreadable(row, "Unreadable row: " + e.getMessage()));
                }
            }
        } catch (IOException | RuntimeException e) {
            String where = "line " + line + ": " + plain(e);
            if (rows.isEmpty()) {
                throw new InvalidImportFile("Not a CSV file this import understands: the row at " + where);
            }
            rows.add(ImportCandidate.unreadable(rows.size() + 1, "The file ends in an unreadable row, at " + where));
        }
        if (rows.isEmpty()) {
            throw new InvalidImportFile("The CSV file has no rows");
        }
        return rows;
    }

    /** A character the text does not hold (one of the private use area's, so no file is likely to). */
    private static char standInFor(String text) {
        char c = '\uE000';
        while (text.indexOf(c) >= 0) {
            c++;
        }
        return c;
    }

    private static Map<String, String> restore(Map<String, String> values, char nul) {
        Map<String, String> restored = new LinkedHashMap<>();
        values.forEach((k, v) -> restored.put(k.replace(nul, '\u0000'), v == null ? null : v.replace(nul, '\u0000')));
        return restored;
    }

    /** Why a CSV row cannot be read, in the user's words rather than the parser's. */
    private static String plain(Exception e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("closing quote")) {
            return "a quoted value is never closed (a '\"' is missing), so the rest of the file cannot be read";
        }
        if (message.contains("Too many entries")) {
            return "it has more values than the header has columns";
        }
        return "it is not CSV as this import reads it (comma-separated values, a header row first)";
    }

    private static ImportCandidate linkedInRow(int row, Map<String, String> values) {
        CsvRow v = new CsvRow(values);
        DraftBuilder in = new DraftBuilder();
        in.givenName = v.get("First Name");
        in.familyName = v.get("Last Name");
        String url = v.get("URL");
        if (url != null) {
            in.socialProfiles.add(new ContactDraft.SocialProfile("linkedin", url, null, null, true));
        }
        String email = v.get("Email Address");
        if (email != null) {
            in.emails.add(new ContactDraft.Email(email, null, null));
        }
        in.company = v.get("Company");
        in.title = v.get("Position");
        String connectedOn = v.get("Connected On");
        if (connectedOn != null) {
            in.metOn = connectedOn(connectedOn, in.warnings);
            in.metAt = "LinkedIn";
        }
        return finish(in, v, row, url);
    }

    /**
     * The day as LinkedIn writes it, or as an ISO date (unambiguous, so read too); a day that does not exist, or
     * text that is no date, is left out with a warning.
     */
    private static String connectedOn(String text, List<String> warnings) {
        for (DateTimeFormatter format : List.of(LINKEDIN_DATE, DateTimeFormatter.ISO_LOCAL_DATE)) {
            try {
                return LocalDate.parse(text, format).toString();
            } catch (DateTimeParseException e) {
                ParsePosition position = new ParsePosition(0);
                if (format.parseUnresolved(text, position) != null && position.getIndex() == text.length()
                        && position.getErrorIndex() < 0) {
                    warnings.add("Connected On '" + text + "' not imported: that day does not exist");
                    return null;
                }
            }
        }
        warnings.add("Connected On '" + text + "' not imported: not a date (LinkedIn writes 12 Mar 2024)");
        return null;
    }

    private static ImportCandidate googleRow(int row, Map<String, String> values) {
        CsvRow v = new CsvRow(values);
        DraftBuilder in = new DraftBuilder();
        in.givenName = v.first("First Name", "Given Name");
        in.familyName = v.first("Last Name", "Family Name");
        in.displayName = v.first("Name", "File As");
        in.nickname = v.get("Nickname");
        for (int i = 1; i <= 9; i++) {
            String label = lower(v.first("E-mail " + i + " - Label", "E-mail " + i + " - Type"));
            List<String> emails = split(v.get("E-mail " + i + " - Value"));
            for (int e = 0; e < emails.size(); e++) {
                // Google marks the primary email's label with "* "; only the first value of that cell is it.
                boolean primary = e == 0 && i == 1 && label != null && label.startsWith("*");
                in.emails.add(new ContactDraft.Email(emails.get(e), googleLabel(label), primary ? true : null));
            }
            String phoneLabel = lower(v.first("Phone " + i + " - Label", "Phone " + i + " - Type"));
            for (String phone : split(v.get("Phone " + i + " - Value"))) {
                in.phones.add(new ContactDraft.Phone(phone, googleLabel(phoneLabel), null));
            }
            String siteLabel = googleLabel(lower(v.first("Website " + i + " - Label", "Website " + i + " - Type")));
            for (String site : split(v.get("Website " + i + " - Value"))) {
                website(in, site, siteLabel);
            }
            address(in, v, i);
        }
        in.company = v.first("Organization Name", "Organization 1 - Name");
        in.title = v.first("Organization Title", "Organization 1 - Title");
        in.department = v.first("Organization Department", "Organization 1 - Department");
        in.addNote(v.get("Notes"));
        String birthday = v.get("Birthday");
        if (birthday != null) {
            VCardBirthdays.Read read = VCardBirthdays.fromText("Birthday", null, birthday);
            in.birthday = read.birthday();
            if (read.unreadable() != null) {
                in.warnings.add(read.unreadable());
            }
        }
        for (String label : split(v.first("Labels", "Group Membership"))) {
            String tag = label.replace("* ", "").strip();
            if (!tag.isEmpty() && !tag.equalsIgnoreCase("myContacts") && !tag.equalsIgnoreCase("* myContacts")) {
                in.tags.add(tag);
            }
        }
        return finish(in, v, row, null);
    }

    /** A profile URL on a network we know is a social profile; any other a website, or a blog or feed by its label. */
    private static void website(DraftBuilder in, String url, String label) {
        var network = SocialProfiles.networkOf(url);
        if (network.isPresent()) {
            in.socialProfiles.add(new ContactDraft.SocialProfile(network.get(), url, null, null, null));
            return;
        }
        String kind = label != null && List.of("blog", "feed").contains(label) ? label : "website";
        in.websites.add(new ContactDraft.Website(url, kind, kind.equals(label) ? null : label, null));
    }

    /**
     * Google's "Address N - ..." columns: the first address with anything in it is the contact's; each one's
     * country is a hint for the row's national phone numbers; later ones are reported.
     */
    private static void address(DraftBuilder in, CsvRow v, int n) {
        String prefix = "Address " + n + " - ";
        String formatted = v.get(prefix + "Formatted");
        v.first(prefix + "Label", prefix + "Type");
        String city = v.get(prefix + "City");
        String region = v.get(prefix + "Region");
        String countryName = v.get(prefix + "Country");
        String country = Countries.toIso(countryName);
        String lines = Stream.of(v.get(prefix + "Extended Address"), v.get(prefix + "Street"), v.get(prefix + "PO Box"),
                        v.get(prefix + "Postal Code"), country == null ? countryName : null)
                .filter(s -> s != null).collect(Collectors.joining(", "));
        if (country != null) {
            in.regionHints.add(country);
        }
        if (city == null && region == null && countryName == null && lines.isEmpty() && formatted == null) {
            return;
        }
        if (in.city == null && in.region == null && in.country == null && in.address == null) {
            if (country == null && countryName != null) {
                in.warnings.add(Countries.notUnderstood(countryName));
            }
            in.city = city;
            in.region = region;
            in.country = country;
            in.address = lines.isEmpty() && city == null && region == null && countryName == null ? formatted : DraftBuilder.blank(lines);
        } else {
            String whole = formatted != null ? formatted
                    : Stream.of(lines, city, region, countryName).filter(s -> s != null && !s.isEmpty()).collect(Collectors.joining(", "));
            in.warnings.add("Address " + n + " '" + whole.replace('\n', ' ') + "' not imported: a contact keeps one address");
        }
    }

    /** The row as a candidate, with a warning for every column with a value that no field took. */
    private static ImportCandidate finish(DraftBuilder in, CsvRow v, int row, String sourceId) {
        for (Map.Entry<String, String> column : v.unread()) {
            in.warnings.add(column.getKey() + " '" + column.getValue().strip().replace('\n', ' ') + "' not imported: "
                    + (column.getKey().equals("Photo") ? "pictures are not kept" : "Rapport has no field for it"));
        }
        return in.candidate(row, sourceId);
    }

    private static String googleLabel(String label) {
        if (label == null) {
            return null;
        }
        String clean = label.replace("*", "").strip();
        return switch (clean) {
            case "home" -> "personal";
            case "" -> null;
            default -> clean;
        };
    }

    private static List<String> split(String value) {
        String text = DraftBuilder.blank(value);
        return text == null ? List.of() : Arrays.stream(text.split(GOOGLE_SEPARATOR)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
