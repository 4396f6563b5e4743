package dev.rapport.contacts.mapping.imports;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.rapport.contacts.rest.ContactInput;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * LinkedIn's {@code Connections.csv} (after its "Notes:" preamble) and Google Contacts' CSV, read with
 * Jackson CSV by their header rows.
 */
public final class CsvImport {

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES);
    private static final DateTimeFormatter LINKEDIN_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
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
        String text = new String(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
        if (headerStart != null) {
            int header = text.indexOf(headerStart);
            if (header < 0) {
                throw new InvalidImportFile("No header row starting with '" + headerStart + "' found");
            }
            text = text.substring(header);
        }
        List<ImportCandidate> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            int row = 0;
            while (it.hasNextValue()) {
                row++;
                try {
                    rows.add(toCandidate.apply(row, it.nextValue()));
                } catch (RuntimeException e) {
                    rows.add(ImportCandidate.unreadable(row, "Unreadable row: " + e.getMessage()));
                }
            }
        } catch (IOException | RuntimeException e) {
            if (rows.isEmpty()) {
                throw new InvalidImportFile("Not a CSV file this import understands: " + e.getMessage());
            }
            rows.add(ImportCandidate.unreadable(rows.size() + 1, "The file ends in an unreadable row: " + e.getMessage()));
        }
        if (rows.isEmpty()) {
            throw new InvalidImportFile("The CSV file has no rows");
        }
        return rows;
    }

    private static ImportCandidate linkedInRow(int row, Map<String, String> values) {
        Inputs in = new Inputs();
        in.givenName = values.get("First Name");
        in.familyName = values.get("Last Name");
        String url = Inputs.blank(values.get("URL"));
        if (url != null) {
            in.socialProfiles.add(new ContactInput.SocialProfile("linkedin", url, null, null, true));
        }
        String email = Inputs.blank(values.get("Email Address"));
        if (email != null) {
            in.emails.add(new ContactInput.Email(email, null, null));
        }
        in.company = values.get("Company");
        in.title = values.get("Position");
        String connectedOn = Inputs.blank(values.get("Connected On"));
        if (connectedOn != null) {
            try {
                in.metOn = LocalDate.parse(connectedOn, LINKEDIN_DATE).toString();
            } catch (DateTimeParseException e) {
                in.metOn = connectedOn;
            }
            in.metAt = "LinkedIn";
        }
        return ImportCandidate.of(row, url, in.build());
    }

    private static ImportCandidate googleRow(int row, Map<String, String> v) {
        Inputs in = new Inputs();
        in.givenName = first(v, "First Name", "Given Name");
        in.familyName = first(v, "Last Name", "Family Name");
        in.displayName = first(v, "Name", "File As");
        in.nickname = v.get("Nickname");
        for (int i = 1; i <= 9; i++) {
            String label = lower(first(v, "E-mail " + i + " - Label", "E-mail " + i + " - Type"));
            List<String> emails = split(v.get("E-mail " + i + " - Value"));
            for (int e = 0; e < emails.size(); e++) {
                // Google marks the primary email's label with "* "; only the first value of that cell is it.
                boolean primary = e == 0 && i == 1 && label != null && label.startsWith("*");
                in.emails.add(new ContactInput.Email(emails.get(e), googleLabel(label), primary ? true : null));
            }
            String phoneLabel = lower(first(v, "Phone " + i + " - Label", "Phone " + i + " - Type"));
            for (String phone : split(v.get("Phone " + i + " - Value"))) {
                in.phones.add(new ContactInput.Phone(phone, googleLabel(phoneLabel), null));
            }
            for (String site : split(v.get("Website " + i + " - Value"))) {
                in.websites.add(new ContactInput.Website(site, "website", null, null));
            }
        }
        in.company = first(v, "Organization Name", "Organization 1 - Name");
        in.title = first(v, "Organization Title", "Organization 1 - Title");
        in.department = first(v, "Organization Department", "Organization 1 - Department");
        in.city = v.get("Address 1 - City");
        in.region = v.get("Address 1 - Region");
        in.country = Countries.toIso(v.get("Address 1 - Country"));
        in.address = v.get("Address 1 - Street");
        in.note = v.get("Notes");
        String birthday = Inputs.blank(v.get("Birthday"));
        if (birthday != null) {
            in.birthday = isoBirthday(birthday);
        }
        for (String label : split(first(v, "Labels", "Group Membership"))) {
            String tag = label.replace("* ", "").strip();
            if (!tag.isEmpty() && !tag.equalsIgnoreCase("myContacts") && !tag.equalsIgnoreCase("* myContacts")) {
                in.tags.add(tag);
            }
        }
        return ImportCandidate.of(row, null, in.build());
    }

    /** {@code 1815-12-10} or, without a year, {@code --12-10}. */
    private static ContactInput.Birthday isoBirthday(String text) {
        String[] parts = text.startsWith("--") ? text.substring(2).split("-") : text.split("-");
        if (text.startsWith("--") && parts.length == 2) {
            return new ContactInput.Birthday(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), null);
        }
        if (parts.length == 3) {
            return new ContactInput.Birthday(Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), Integer.parseInt(parts[0]));
        }
        throw new IllegalArgumentException("birthday '" + text + "' is not YYYY-MM-DD or --MM-DD");
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
        String text = Inputs.blank(value);
        return text == null ? List.of() : Arrays.stream(text.split(GOOGLE_SEPARATOR)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String first(Map<String, String> values, String... names) {
        for (String name : names) {
            String value = Inputs.blank(values.get(name));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }
}
