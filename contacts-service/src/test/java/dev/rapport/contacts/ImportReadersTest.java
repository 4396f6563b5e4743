package dev.rapport.contacts;

import dev.rapport.testing.RapportInfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.rapport.contacts.ImportRows.contactOf;
import static dev.rapport.contacts.ImportRows.reasonOf;
import static dev.rapport.contacts.ImportRows.warningsOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A new user's findings on the import readers: Rapport JSON says what it leaves out, in plain words; impossible
 * dates, legacy character sets, country names and birthday years are read or reported, never changed silently.
 */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class ImportReadersTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String GUESSED = "text read as Windows-1252: the file is not UTF-8 and names no character set;"
            + " check its accented letters";
    private static final String UNSTORABLE = "must not contain the NUL character (\\u0000) or an unpaired surrogate";

    private final ContactsApi api = ContactsApi.member("readers-" + UUID.randomUUID());

    private JsonPath importText(String contentType, String query, String file) {
        return api.importFile(contentType, file.getBytes(StandardCharsets.UTF_8), query);
    }

    private static JsonPath succeeded(JsonPath job) {
        assertEquals("succeeded", job.getString("status"), job.prettify());
        return job;
    }

    /** No class, library or parser name reaches the user. */
    private static void plain(String text) {
        for (String leak : List.of("dev.rapport", "java.", "Jackson", "Source:", "StreamReadFeature", "StringReader",
                "Cannot deserialize", "Cannot construct", "database")) {
            assertFalse(text.contains(leak), text);
        }
    }

    @Test
    void rapportJsonNamesEveryFieldItLeavesOutAndFailsARowThatIsNoContactInPlainWords() {
        JsonPath job = succeeded(importText("application/json", "", """
                [{"givenName":"UnkF","foo":1,"bar":{"x":1}},
                 {"givenName":"Dup","givenName":"Dup2","familyName":"Twice"},
                 null,
                 5,
                 {"givenName":"Listless","emails":"x"},
                 {"emails":"x"},
                 {"id":"exported-1","version":3,"ownerId":"u","createdBy":"u","createdAt":"2026-01-01T00:00:00Z",
                  "updatedAt":"2026-01-01T00:00:00Z","givenName":"Exported",
                  "phones":[{"number":null,"original":"0151 2345","normalized":false,"label":"mobile","primary":true}]},
                 {"givenName":"Nested","emails":[{"address":"n@example.org","kind":"x","primary":"yes"}],
                  "birthday":{"month":4,"day":12,"year":"old"},"tags":["a",{"b":1}]}]
                """));
        assertEquals(List.of("foo '1' not imported: not a field of a contact", "bar '{\"x\":1}' not imported: not a field of a contact"),
                warningsOf(job, 1));
        // Which of two values is meant cannot be told: the field is left out, as any field that cannot be read.
        assertEquals(List.of("givenName 'Dup' and 'Dup2' not imported: written more than once, so which one is meant cannot be told"),
                warningsOf(job, 2));
        api.get(contactOf(job, 2)).body("givenName", nullValue()).body("familyName", equalTo("Twice"));
        assertEquals("Not a contact: row 3 is null, not a JSON object ({\"givenName\": ...})", reasonOf(job, 3));
        assertEquals("Not a contact: row 4 is a number, not a JSON object ({\"givenName\": ...})", reasonOf(job, 4));
        assertEquals(List.of("emails 'x' not imported: must be a list"), warningsOf(job, 5));
        api.get(contactOf(job, 5)).body("givenName", equalTo("Listless"));
        assertEquals("failed", job.getString("rows.find { it.row == 6 }.outcome"));
        assertEquals(List.of("emails 'x' not imported: must be a list"), warningsOf(job, 6));
        assertTrue(reasonOf(job, 6).contains("a contact needs a name, an email or a phone"), reasonOf(job, 6));
        // An export's own fields (id, version, ...) are known: nothing to say.
        assertEquals(List.of("phone '0151 2345' kept as written, not normalised: it has no country code and no country is known for it"),
                warningsOf(job, 7));
        assertEquals(List.of("emails[0].kind 'x' not imported: not a field of an email",
                        "emails[0].primary 'yes' not imported: must be true or false",
                        "birthday.year 'old' not imported: must be a whole number",
                        "tags[1] '{\"b\":1}' not imported: must be text"),
                warningsOf(job, 8));
        api.get(contactOf(job, 8)).body("emails[0].address", equalTo("n@example.org"))
                .body("birthday.month", equalTo(4)).body("birthday.day", equalTo(12)).body("birthday.year", nullValue())
                .body("tags", equalTo(List.of("a")));
        assertEquals(5, job.getInt("counts.created"), job.prettify());
        assertEquals(3, job.getInt("counts.failed"), job.prettify());
        for (int row = 1; row <= 8; row++) {
            plain(String.valueOf(reasonOf(job, row)));
            warningsOf(job, row).forEach(ImportReadersTest::plain);
        }
    }

    @Test
    void aFileThatCannotBeReadFailsWithItsLineInPlainWords() {
        JsonPath bytes = api.importFile("application/json", new byte[]{'[', (byte) 0x94, (byte) 0xFF, 0x13, ']'}, "");
        assertEquals("failed", bytes.getString("status"));
        assertEquals("Not JSON: the file is not UTF-8 text, as JSON is (line 1 holds a byte that is not)", bytes.getString("failure"));

        JsonPath cut = importText("application/json", "", "[{\"givenName\":\"A\"},\n{\"givenName\":");
        assertEquals("Not JSON: the file ends before its JSON does (line 2)", cut.getString("failure"));
        JsonPath broken = importText("application/json", "", "[{\"givenName\":\"A\"},\n {x}]");
        assertEquals("Not JSON: the text stops being JSON at line 2, column 3", broken.getString("failure"));
        JsonPath object = importText("application/json", "", "{\"givenName\":\"A\"}");
        assertEquals("Rapport JSON is an array of contacts ([{...}, ...]); this file holds an object", object.getString("failure"));

        String preamble = "Notes:\n\"When exporting your connection data, you may notice...\"\n\n"
                + "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n";
        JsonPath unterminated = succeeded(importText("text/csv", "?format=linkedin", preamble
                + "Ada,Lovelace,https://www.linkedin.com/in/ada,,,,12 Mar 2024\n"
                + "Too,Many,https://www.linkedin.com/in/too,,,,12 Mar 2024,extra\n"
                + "Grace,Hopper,https://www.linkedin.com/in/grace,,,,12 Mar 2024\n"
                + "\"Open,Quote,https://www.linkedin.com/in/open,,,,12 Mar 2024\nLast,Row,,,,,\n"));
        assertEquals(2, unterminated.getInt("counts.created"), unterminated.prettify());
        assertEquals("Unreadable row at line 6: it has more values than the header has columns", reasonOf(unterminated, 2));
        assertEquals("The file ends in an unreadable row, at line 8: a quoted value is never closed (a '\"' is missing),"
                + " so the rest of the file cannot be read", reasonOf(unterminated, 4));
        JsonPath first = importText("text/csv", "?format=linkedin", preamble + "\"Open,Quote,,,,,\n");
        assertEquals("failed", first.getString("status"));
        assertEquals("Not a CSV file this import understands: the row at line 5: a quoted value is never closed (a '\"' is missing),"
                + " so the rest of the file cannot be read", first.getString("failure"));
    }

    @Test
    void aLinkedInDayThatDoesNotExistIsReportedNotShifted() {
        JsonPath job = succeeded(importText("text/csv", "?format=linkedin", """
                First Name,Last Name,URL,Email Address,Company,Position,Connected On
                Feb,Thirtyone,https://www.linkedin.com/in/feb31,,,,31 Feb 2024
                Iso,Date,https://www.linkedin.com/in/iso,,,,2024-03-12
                Iso,Wrong,https://www.linkedin.com/in/isowrong,,,,2024-02-30
                Plain,Date,https://www.linkedin.com/in/plain,,,,12 Mar 2024
                No,Date,https://www.linkedin.com/in/nodate,,,,last spring
                """));
        api.get(contactOf(job, 1)).body("metOn", nullValue()).body("metAt", equalTo("LinkedIn"));
        assertEquals(List.of("Connected On '31 Feb 2024' not imported: that day does not exist"), warningsOf(job, 1));
        api.get(contactOf(job, 2)).body("metOn", equalTo("2024-03-12"));
        assertEquals(List.of(), warningsOf(job, 2));
        api.get(contactOf(job, 3)).body("metOn", nullValue());
        assertEquals(List.of("Connected On '2024-02-30' not imported: that day does not exist"), warningsOf(job, 3));
        api.get(contactOf(job, 4)).body("metOn", equalTo("2024-03-12"));
        assertEquals(List.of("Connected On 'last spring' not imported: not a date (LinkedIn writes 12 Mar 2024)"), warningsOf(job, 5));
    }

    @Test
    void aFileInWindows1252IsReadInTheCharsetItDeclaresElseWindows1252NeverAsReplacementCharacters() {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(("BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=Windows-1252:Lefèvre;Renée\r\n"
                + "FN;CHARSET=Windows-1252:Renée Lefèvre\r\nEND:VCARD\r\n"
                + "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Müller;Jürgen\r\nEND:VCARD\r\n").getBytes(WINDOWS_1252));
        file.writeBytes("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Utf\r\nEND:VCARD\r\n".getBytes(StandardCharsets.UTF_8));
        file.writeBytes("BEGIN:VCARD\r\nVERSION:2.1\r\nN;CHARSET=ISO-8859-2:Dvořák;Antonín\r\nEND:VCARD\r\n"
                .getBytes(Charset.forName("ISO-8859-2")));
        JsonPath job = succeeded(api.importFile("text/vcard", file.toByteArray(), ""));
        assertEquals(4, job.getInt("counts.created"), job.prettify());
        api.get(contactOf(job, 1)).body("givenName", equalTo("Renée")).body("familyName", equalTo("Lefèvre"))
                .body("displayName", equalTo("Renée Lefèvre"));
        assertEquals(List.of(), warningsOf(job, 1), "the card says its character set: the reading is sure");
        api.get(contactOf(job, 2)).body("givenName", equalTo("Jürgen")).body("familyName", equalTo("Müller"));
        assertEquals(List.of(GUESSED), warningsOf(job, 2));
        api.get(contactOf(job, 3)).body("displayName", equalTo("Zoë Utf"));
        assertEquals(List.of(), warningsOf(job, 3));
        api.get(contactOf(job, 4)).body("givenName", equalTo("Antonín")).body("familyName", equalTo("Dvořák"));

        JsonPath csv = succeeded(api.importFile("text/csv", ("First Name,Last Name,E-mail 1 - Value\r\n"
                + "Renée,Lefèvre,renee@example.org\r\nAda,Lovelace,ada@example.org\r\n").getBytes(WINDOWS_1252), "?format=google"));
        api.get(contactOf(csv, 1)).body("givenName", equalTo("Renée")).body("familyName", equalTo("Lefèvre"));
        assertEquals(List.of(GUESSED), warningsOf(csv, 1));
        assertEquals(List.of(), warningsOf(csv, 2), "nothing was guessed in a row of plain ASCII");
    }

    @Test
    void countryNamesInTheLanguagesAddressBooksAreKeptInAreReadAndAnUnknownOneIsReported() {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        names.put("Deutschland", "DE");
        names.put("England", "GB");
        names.put("Great Britain", "GB");
        names.put("U.S.A.", "US");
        names.put("Royaume-Uni", "GB");
        names.put("Schweiz", "CH");
        names.put("Österreich", "AT");
        names.put("España", "ES");
        names.put("Italia", "IT");
        names.put("Nederland", "NL");
        names.put("Xyz", null);
        StringBuilder file = new StringBuilder();
        names.keySet().forEach(name -> file.append("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:In ").append(name)
                .append("\r\nADR:;;Street 1;City;;12345;").append(name).append("\r\nTEL:089 1234567\r\nEND:VCARD\r\n"));
        JsonPath job = succeeded(importText("text/vcard", "", file.toString()));
        int row = 0;
        for (Map.Entry<String, String> name : names.entrySet()) {
            row++;
            api.get(contactOf(job, row)).body("country", equalTo(name.getValue()));
        }
        api.get(contactOf(job, 1)).body("phones[0].number", equalTo("+49891234567"));
        api.get(contactOf(job, row)).body("address", equalTo("Street 1, 12345, Xyz"));
        assertTrue(warningsOf(job, row).contains("country 'Xyz' not understood: kept as text in the address"),
                warningsOf(job, row).toString());

        JsonPath csv = succeeded(importText("text/csv", "?format=google", """
                Name,Address 1 - City,Address 1 - Country
                Somewhere,Atlantis,Xyz
                """));
        assertEquals(List.of("country 'Xyz' not understood: kept as text in the address"), warningsOf(csv, 1));
    }

    @Test
    void aBirthdayYearThatCannotBeOneIsLeftOutAndTheDayKeptShownAsTheUserWouldRead() {
        JsonPath job = succeeded(importText("text/vcard", "", """
                BEGIN:VCARD\r
                VERSION:3.0\r
                FN:No Year Sentinel\r
                BDAY:1604-04-12\r
                END:VCARD\r
                BEGIN:VCARD\r
                VERSION:3.0\r
                FN:From The Future\r
                BDAY:2999-01-01\r
                END:VCARD\r
                """));
        api.get(contactOf(job, 1)).body("birthday.month", equalTo(4)).body("birthday.day", equalTo(12)).body("birthday.year", nullValue());
        assertEquals(List.of("birthday '1604-04-12' imported without its year: the year must be 1850 or later"), warningsOf(job, 1));
        api.get(contactOf(job, 2)).body("birthday.month", equalTo(1)).body("birthday.day", equalTo(1)).body("birthday.year", nullValue());
        assertEquals(List.of("birthday '2999-01-01' imported without its year: the year is in the future"), warningsOf(job, 2));

        JsonPath json = succeeded(importText("application/json", "", """
                [{"displayName":"Thirtieth","birthday":{"month":2,"day":30,"year":1985}},
                 {"displayName":"Not Leap","birthday":{"month":2,"day":29,"year":1985}},
                 {"displayName":"Both Wrong","birthday":{"month":2,"day":29,"year":1700}}]
                """));
        assertEquals(List.of("birthday '--02-30 (1985)' not imported: is not a real date"), warningsOf(json, 1));
        assertEquals(List.of("birthday '--02-29 (1985)' not imported: is not a real date: 1985 is not a leap year"), warningsOf(json, 2));
        // Without its impossible year, February 29 is a birthday.
        assertEquals(List.of("birthday '--02-29 (1700)' imported without its year: the year must be 1850 or later"), warningsOf(json, 3));
        api.get(contactOf(json, 3)).body("birthday.month", equalTo(2)).body("birthday.day", equalTo(29));
    }

    @Test
    void aNulInANameIsReportedLikeOneInANote() {
        JsonPath job = succeeded(importText("text/csv", "?format=google",
                "First Name,Last Name,Notes\r\nAda\u0000,Lovelace,a\u0000b\r\n"));
        assertEquals(List.of("givenName 'Ada\uFFFD' not imported: " + UNSTORABLE, "note 'a\uFFFDb' not imported: " + UNSTORABLE),
                warningsOf(job, 1));
        api.get(contactOf(job, 1)).body("givenName", nullValue()).body("familyName", equalTo("Lovelace"));
    }
}
