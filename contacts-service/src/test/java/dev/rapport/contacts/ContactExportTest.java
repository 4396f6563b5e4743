package dev.rapport.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import ezvcard.Ezvcard;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.property.Email;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Export: every visible contact of the workspace, in vCard 4.0/3.0, CSV or JSON, readable by other parsers. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class ContactExportTest {

    private ContactsApi api;

    @BeforeEach
    void aWorkspaceWithContacts() {
        api = ContactsApi.member("export-" + UUID.randomUUID());
        api.createId("""
                {"givenName":"Ada","familyName":"Lovelace","nickname":"Countess","pronouns":"she/her",
                 "emails":[{"address":"ada@example.org","label":"personal"},{"address":"ada@work.example","label":"work","primary":true}],
                 "phones":[{"number":"+44 20 7946 0958","label":"mobile"}],
                 "socialProfiles":[{"network":"linkedin","handle":"ada-lovelace"}],
                 "websites":[{"url":"https://ada.example.org/blog","kind":"blog"}],
                 "company":"Analytical Engines","title":"CTO","department":"R&D","city":"London","country":"GB",
                 "birthday":{"month":12,"day":10},"howWeMet":"Introduced by Charles","metOn":"1833-06-05",
                 "relationship":"both","note":"Poetical science","tags":["Mathematicians","Pioneers"]}
                """);
        api.createId("{\"givenName\":\"Grace\",\"familyName\":\"Hopper\",\"birthday\":{\"month\":12,\"day\":9,\"year\":1906}}");
        api.createId("{\"displayName\":\"Secret\",\"visibility\":\"private\"}");
        ContactsApi.member("export-other-" + UUID.randomUUID()).createId("{\"displayName\":\"Another Workspace\"}");
    }

    private String export(String token, String query) {
        return given().auth().oauth2(token).get("/v1/contacts/export" + query).then().statusCode(200)
                .extract().asString();
    }

    @Test
    void vCard4IsTheDefaultAndKeepsEveryField() {
        List<VCard> cards = Ezvcard.parse(export(api.token(), "")).all();
        assertEquals(3, cards.size());
        VCard ada = cards.get(0);
        assertEquals(VCardVersion.V4_0, ada.getVersion());
        assertEquals("Ada Lovelace", ada.getFormattedName().getValue());
        assertEquals("Lovelace", ada.getStructuredName().getFamily());
        assertEquals(List.of("ada@example.org", "ada@work.example"), ada.getEmails().stream().map(Email::getValue).toList());
        assertEquals(Integer.valueOf(1), ada.getEmails().get(1).getPref());
        assertEquals("+44 20 7946 0958", ada.getTelephoneNumbers().get(0).getText());
        assertEquals("https://www.linkedin.com/in/ada-lovelace", ada.getExtendedProperty("X-SOCIALPROFILE").getValue());
        assertEquals(List.of("Analytical Engines", "R&D"), ada.getOrganization().getValues());
        assertEquals("London", ada.getAddresses().get(0).getLocality());
        assertEquals(12, ada.getBirthday().getPartialDate().getMonth());
        assertNull(ada.getBirthday().getPartialDate().getYear());
        assertEquals(List.of("Mathematicians", "Pioneers"), ada.getCategories().getValues());
        assertEquals("Introduced by Charles", ada.getExtendedProperty("X-RAPPORT-HOW-WE-MET").getValue());
        assertTrue(ada.getUid().getValue().startsWith("urn:uuid:"));
    }

    @Test
    void vCard3MarksABirthdayWithoutAYearTheWayAppleDoes() {
        String text = export(api.token(), "?version=3.0");
        List<VCard> cards = Ezvcard.parse(text).all();
        assertEquals(VCardVersion.V3_0, cards.get(0).getVersion());
        assertTrue(text.contains("X-APPLE-OMIT-YEAR=1604"), text);
        assertEquals(1906, ((java.time.LocalDate) cards.get(1).getBirthday().getDate()).getYear());
    }

    /**
     * ez-vcard writes and reads the files; ical4j-vcard, written independently, must read them the same way.
     * It cannot read RFC 6350's birthday without a year ({@code BDAY:--1210}), which vCard 4.0 files carry and
     * Apple's and Google's readers accept, so in 4.0 it is given the file without BDAY lines, which are checked as text.
     */
    @Test
    void anIndependentVCardParserReadsBothVersions() throws Exception {
        for (String version : List.of("4.0", "3.0")) {
            String text = export(api.token(), "?version=" + version);
            String readable = version.equals("4.0") ? text.replaceAll("(?m)^BDAY:.*\r\n", "") : text;
            List<net.fortuna.ical4j.vcard.Entity> cards = new net.fortuna.ical4j.vcard.VCardBuilder(new java.io.StringReader(readable))
                    .build().getEntityList().getAll();
            assertEquals(3, cards.size(), version + "\n" + text);
            net.fortuna.ical4j.vcard.Entity ada = cards.get(0);
            assertEquals(version, value(ada, "VERSION"));
            assertEquals("Ada Lovelace", value(ada, "FN"), version);
            assertEquals(List.of("ada@example.org", "ada@work.example"),
                    ada.getProperties("EMAIL").stream().map(p -> ((net.fortuna.ical4j.model.Property) p).getValue()).toList(), version);
            assertTrue(value(ada, "TEL").contains("20 7946 0958"), version);
            assertTrue(value(ada, "ORG").startsWith("Analytical Engines"), version);
            assertEquals("Poetical science", value(ada, "NOTE"), version);
            assertEquals("Mathematicians,Pioneers", value(ada, "CATEGORIES"), version);
            assertEquals("Grace Hopper", value(cards.get(1), "FN"), version);
            if (version.equals("3.0")) {
                assertTrue(value(cards.get(1), "BDAY").replace("-", "").startsWith("19061209"), value(cards.get(1), "BDAY"));
                assertTrue(value(ada, "BDAY").replace("-", "").startsWith("16041210"), value(ada, "BDAY"));
            } else {
                assertTrue(text.contains("BDAY:--1210\r\n"), text);
                assertTrue(text.contains("BDAY:19061209\r\n"), text);
            }
        }
    }

    private static String value(net.fortuna.ical4j.vcard.Entity card, String property) {
        return card.<net.fortuna.ical4j.model.Property>getProperty(property)
                .orElseThrow(() -> new AssertionError("no " + property + " in " + card)).getValue();
    }

    @Test
    void privateContactsAreExportedOnlyForTheirOwner() {
        String colleague = TestTokens.otherMember(api.workspace());
        assertEquals(2, Ezvcard.parse(export(colleague, "")).all().size());
    }

    @Test
    void csvHasAHeaderAndOneRowPerContact() throws Exception {
        String csv = export(api.token(), "?format=csv");
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            List<Map<String, String>> all = rows.readAll();
            assertEquals(3, all.size());
            assertEquals("ada@work.example; ada@example.org", all.get(0).get("emails"));
            assertEquals("--12-10", all.get(0).get("birthday"));
            assertEquals("1906-12-09", all.get(1).get("birthday"));
            assertEquals("Mathematicians; Pioneers", all.get(0).get("tags"));
        }
    }

    @Test
    void jsonIsAnArrayOfContactsAsTheApiShowsThem() throws Exception {
        JsonNode all = new ObjectMapper().readTree(export(api.token(), "?format=json"));
        assertEquals(3, all.size());
        assertEquals("Ada Lovelace", all.get(0).path("displayName").asText());
        assertEquals("+442079460958", all.get(0).path("phones").path(0).path("number").asText());
    }

    @Test
    void filtersSelectWhatIsExported() {
        assertEquals(1, Ezvcard.parse(export(api.token(), "?tag=pioneers")).all().size());
    }

    @Test
    void anUnknownFormatIsA422() {
        given().auth().oauth2(api.token()).get("/v1/contacts/export?format=xlsx").then().statusCode(422);
        given().auth().oauth2(api.token()).get("/v1/contacts/export?version=2.1").then().statusCode(422);
    }

    @Test
    void labelsOfWebsitesAndTheNameOfAnUnlistedNetworkSurviveAnExportAndAReimport() {
        ContactsApi source = ContactsApi.member("export-labels-" + UUID.randomUUID());
        source.createId("""
                {"givenName":"Tom","emails":[{"address":"tom@example.org"}],
                 "websites":[{"url":"https://tom.example.org/work","kind":"website","label":"portfolio"}],
                 "socialProfiles":[{"network":"myspace","url":"https://myspace.com/tom"}]}""");
        for (String version : List.of("4.0", "3.0")) {
            String file = given().auth().oauth2(source.token()).queryParam("version", version).get("/v1/contacts/export")
                    .then().statusCode(200).extract().asString();
            ContactsApi target = ContactsApi.member("export-labels-back-" + UUID.randomUUID());
            target.importFile("text/vcard", file.getBytes(java.nio.charset.StandardCharsets.UTF_8), "");
            io.restassured.path.json.JsonPath tom = given().auth().oauth2(target.token()).get("/v1/contacts")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals("portfolio", tom.getString("items[0].websites[0].label"), version);
            assertEquals("other", tom.getString("items[0].socialProfiles[0].network"), version);
            assertEquals("myspace", tom.getString("items[0].socialProfiles[0].label"), version);
        }
    }
}
