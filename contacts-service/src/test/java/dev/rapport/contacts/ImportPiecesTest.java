package dev.rapport.contacts;

import dev.rapport.testing.RapportInfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A person known in pieces by several address books becomes one contact, whatever order the files come in. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class ImportPiecesTest {

    @Test
    void aCardHoldingTheKeysOfTwoContactsJoinsThemAsOneMergeThatCanBeUndone() {
        ContactsApi api = ContactsApi.member("pieces-" + UUID.randomUUID());
        api.importFile("text/csv", fixture("Connections.csv"), "?format=linkedin");
        api.importFile("text/vcard", fixture("outlook.vcf"), "");
        assertEquals(2, contacts(api).getList("items").size(), "no key in common yet");

        JsonPath job = api.importFile("text/vcard", fixture("apple.vcf"), "");
        List<String> warnings = job.getList("rows[0].warnings");
        assertTrue(warnings.stream().anyMatch(w -> w.contains("merged into this one")), job.prettify());

        JsonPath jonas = contacts(api);
        assertEquals(1, jonas.getList("items").size(), jonas.prettify());
        assertEquals("jonas.weber@example.de", jonas.getString("items[0].emails[0].address"));
        assertEquals("+4915123456789", jonas.getString("items[0].phones[0].number"));
        assertEquals("https://www.linkedin.com/in/jonas-weber-4a1b2c", jonas.getString("items[0].socialProfiles[0].url"));
        assertEquals(7, jonas.getInt("items[0].birthday.month"));

        // Importing the three files again changes nothing.
        for (String file : List.of("Connections.csv", "outlook.vcf", "apple.vcf")) {
            JsonPath again = api.importFile(file.endsWith(".csv") ? "text/csv" : "text/vcard", fixture(file),
                    file.endsWith(".csv") ? "?format=linkedin" : "");
            assertEquals(0, again.getInt("counts.created") + again.getInt("counts.updated"), again.prettify());
        }
        assertEquals(1, contacts(api).getList("items").size());

        String mergeId = warnings.stream().filter(w -> w.contains("/v1/merges/")).findFirst().orElseThrow()
                .replaceAll(".*/v1/merges/([0-9a-f-]+)/undo.*", "$1");
        given().auth().oauth2(api.token()).post("/v1/merges/" + mergeId + "/undo").then().statusCode(200);
        assertEquals(2, contacts(api).getList("items").size(), "the pieces are apart again");
    }

    @Test
    void theOtherOrderGivesTheSameOneContact() {
        ContactsApi api = ContactsApi.member("pieces-order-" + UUID.randomUUID());
        api.importFile("text/vcard", fixture("outlook.vcf"), "");
        api.importFile("text/vcard", fixture("apple.vcf"), "");
        api.importFile("text/csv", fixture("Connections.csv"), "?format=linkedin");
        JsonPath jonas = contacts(api);
        assertEquals(1, jonas.getList("items").size(), jonas.prettify());
        assertEquals("Siemens AG", jonas.getString("items[0].company"));
    }

    private static JsonPath contacts(ContactsApi api) {
        return given().auth().oauth2(api.token()).get("/v1/contacts").then().statusCode(200).extract().jsonPath();
    }

    private static byte[] fixture(String name) {
        try (InputStream in = ImportPiecesTest.class.getResourceAsStream("/imports/pieces/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
