package dev.rapport.contacts;

import dev.rapport.local.RapportInfraTestResource;
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
    void aNulInANameIsReportedLikeOneInANote() {
        JsonPath job = succeeded(importText("text/csv", "?format=google",
                "First Name,Last Name,Notes\r\nAda\u0000,Lovelace,a\u0000b\r\n"));
        assertEquals(List.of("givenName 'Ada\uFFFD' not imported: " + UNSTORABLE, "note 'a\uFFFDb' not imported: " + UNSTORABLE),
                warningsOf(job, 1));
        api.get(contactOf(job, 1)).body("givenName", nullValue()).body("familyName", equalTo("Lovelace"));
    }
}
