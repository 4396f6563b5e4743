package dev.rapport.contacts;

import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static dev.rapport.contacts.ImportRows.contactOf;
import static dev.rapport.contacts.ImportRows.warningsOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 11's reproducers: what real exports hold is imported whole, or reported on its row, never lost. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class ImportFidelityTest {

    private final ContactsApi api = ContactsApi.member("fidelity-" + UUID.randomUUID());

    private JsonPath importCards(String... cards) {
        String file = String.join("", List.of(cards).stream()
                .map(card -> "BEGIN:VCARD\r\nVERSION:3.0\r\n" + card.strip().replace("\n", "\r\n") + "\r\nEND:VCARD\r\n").toList());
        JsonPath job = api.importFile("text/vcard", file.getBytes(StandardCharsets.UTF_8), "");
        assertEquals("succeeded", job.getString("status"), job.prettify());
        return job;
    }

    @Test
    void anAppleCardWithATwitterOrUnknownSocialProfileIsImportedWhole() {
        JsonPath job = importCards("""
                N:Doe;Jane;;;
                FN:Jane Doe
                TEL;type=CELL:+44 20 7946 0958
                item1.ADR;type=HOME:;;1 High Street;London;;N1 1AA;United Kingdom
                BDAY:1980-01-02
                NOTE:Met at a conference
                X-SOCIALPROFILE;type=twitter;x-user=janedoe:https://twitter.com/janedoe
                X-SOCIALPROFILE;type=flickr;x-user=janed:http://www.flickr.com/photos/janed
                X-SOCIALPROFILE;type=tencentweibo:janed
                """);
        assertEquals(1, job.getInt("counts.created"), job.prettify());
        api.get(contactOf(job, 1)).statusCode(200)
                .body("phones[0].number", equalTo("+442079460958"))
                .body("birthday.year", equalTo(1980)).body("city", equalTo("London")).body("note", equalTo("Met at a conference"))
                .body("socialProfiles.network", equalTo(List.of("x", "other", "other")))
                .body("socialProfiles.url", equalTo(java.util.Arrays.asList("https://x.com/janedoe", "http://www.flickr.com/photos/janed", null)))
                .body("socialProfiles.label", equalTo(java.util.Arrays.asList(null, "flickr", "tencentweibo")))
                .body("socialProfiles[2].handle", equalTo("janed"));
    }

    @Test
    void aNationalNumberTakesTheCountryOfItsCardOrIsKeptAsWrittenNeverDroppingThePerson() {
        JsonPath job = importCards("""
                FN:Camille Martin
                TEL:01 42 34 56 78
                ADR;type=WORK:;;8 rue de Rivoli;Paris;;75004;France
                """, """
                FN:Jürgen Müller
                item1.TEL:0151 23456789
                item2.ADR:;;Friedrichstraße 10;Berlin;;10117;
                item2.X-ABADR:de
                """, """
                FN:Max Mustermann
                TEL;type=CELL:0151 98765432
                TEL;type=WORK:+49 30 1234567
                """, """
                FN:Londoner Without Address
                EMAIL:someone@example.de
                URL:https://someone.example.de
                TEL:(020) 7946 0958
                """);
        assertEquals(4, job.getInt("counts.created"), job.prettify());
        api.get(contactOf(job, 1)).body("phones[0].number", equalTo("+33142345678")).body("country", equalTo("FR"));
        api.get(contactOf(job, 2)).body("phones[0].number", equalTo("+4915123456789")).body("country", equalTo("DE"));
        api.get(contactOf(job, 3)).body("phones.number", equalTo(List.of("+4915198765432", "+49301234567")));
        // A .de email or website says nothing about where a phone is: no country is known for this one.
        api.get(contactOf(job, 4)).body("phones[0].number", nullValue()).body("phones[0].normalized", equalTo(false))
                .body("phones[0].original", equalTo("(020) 7946 0958"));
        assertEquals(List.of("phone '(020) 7946 0958' kept as written, not normalised: it has no country code and no country is known for it"),
                warningsOf(job, 4));

        // With a workspace region, a card's own country still comes first.
        given().auth().oauth2(TestTokens.admin(api.workspace())).contentType(ContentType.JSON)
                .body("{\"defaultPhoneRegion\":\"GB\"}").put("/v1/settings").then().statusCode(200);
        JsonPath again = api.importFile("text/vcard", ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Londoner Without Address\r\n"
                + "EMAIL:someone@example.de\r\nTEL:(020) 7946 0958\r\nEND:VCARD\r\n").getBytes(StandardCharsets.UTF_8), "");
        assertEquals(1, again.getInt("counts.updated"), again.prettify());
        api.get(contactOf(job, 4)).body("phones.number", equalTo(List.of("+442079460958")))
                .body("phones[0].original", equalTo("(020) 7946 0958"));
    }

    @Test
    void everyPartialBirthdayFormIsReadAndOneThatCannotBeIsReported() {
        JsonPath job = importCards("FN:A\nBDAY:--04-12", "FN:B\nBDAY:--0412", "FN:C\nBDAY:19850412",
                "FN:D\nBDAY:1985-04-12T00:00:00Z", "FN:E\nBDAY;X-APPLE-OMIT-YEAR=1604:1604-04-12", "FN:F\nBDAY:--12",
                "FN:G\nBDAY:1985-04", "FN:H\nBDAY:around Easter");
        for (int row = 1; row <= 5; row++) {
            api.get(contactOf(job, row)).body("birthday.month", equalTo(4)).body("birthday.day", equalTo(12))
                    .body("birthday.year", row == 3 || row == 4 ? equalTo(1985) : nullValue());
            assertEquals(List.of(), warningsOf(job, row));
        }
        assertEquals(List.of("BDAY '--12' not imported: a birthday needs a month and a day"), warningsOf(job, 6));
        assertEquals(List.of("BDAY '1985-04' not imported: a birthday needs a month and a day"), warningsOf(job, 7));
        assertEquals(List.of("BDAY 'around Easter' not imported: not a date"), warningsOf(job, 8));
        assertEquals(8, job.getInt("counts.created"), "the people are imported all the same");
    }

    @Test
    void anAppleOrGoogleLabelNamesItsPropertyAndItsKind() {
        JsonPath job = importCards("""
                FN:Labelled
                item1.URL:https\\://ada.example.org/blog
                item1.X-ABLabel:Blog
                item2.TEL:+44 20 7946 0958
                item2.X-ABLabel:_$!<Mobile>!$_
                item3.EMAIL;type=INTERNET:ada@example.org
                item3.X-ABLabel:_$!<Work>!$_
                item4.URL:https://ada.example.org
                item4.X-ABLabel:_$!<HomePage>!$_
                """);
        api.get(contactOf(job, 1))
                .body("websites.find { it.url == 'https://ada.example.org/blog' }.kind", equalTo("blog"))
                .body("websites.find { it.url == 'https://ada.example.org' }.kind", equalTo("website"))
                .body("phones[0].label", equalTo("mobile"))
                .body("emails[0].label", equalTo("work"));
        assertEquals(List.of(), warningsOf(job, 1));
    }

    @Test
    void whatNoFieldHoldsIsReportedOnItsRowAndNotesAreKeptTogether() {
        JsonPath job = importCards("""
                PRODID:-//Apple Inc.//macOS 14.4//EN
                N:Lovelace;Ada;;;
                FN:Ada Lovelace
                NOTE:First note
                NOTE:Second note
                ADR;type=HOME:;;12 St James's Square;London;;SW1Y 4JH;United Kingdom
                ADR;type=WORK:;;1 Engine Lane;Manchester;;M1 1AA;United Kingdom
                X-CUSTOM-THING:kept somewhere
                IMPP;type=pref:xmpp:ada@example.org
                PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD
                X-ABUID:5C6D7E8F:ABPerson
                REV:2024-03-12T10:15:00Z
                UID:ada-1
                """);
        String ada = contactOf(job, 1);
        api.get(ada).body("note", equalTo("First note\n\nSecond note")).body("city", equalTo("London"))
                .body("address", equalTo("12 St James's Square, SW1Y 4JH"));
        List<String> warnings = given().auth().oauth2(api.token()).get("/v1/imports/" + job.getString("id")).then()
                .statusCode(200).extract().jsonPath().getList("rows[0].warnings");
        assertEquals(4, warnings.size(), warnings.toString());
        assertTrue(warnings.contains("ADR '1 Engine Lane, Manchester, M1 1AA, United Kingdom' not imported: a contact keeps one address"),
                warnings.toString());
        assertTrue(warnings.contains("X-CUSTOM-THING 'kept somewhere' not imported: Rapport has no field for it"), warnings.toString());
        assertTrue(warnings.contains("IMPP 'xmpp:ada@example.org' not imported: Rapport has no field for it"), warnings.toString());
        assertTrue(warnings.contains("PHOTO not imported: pictures and sounds are not kept"), warnings.toString());
    }
}
