package dev.rapport.contacts;

import dev.rapport.testing.RapportInfraTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Imports of files shaped like real exports: jobs, per-row outcomes, idempotent upserts, matching, dry runs. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class ImportTest {

    private ContactsApi api;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void freshWorkspace() {
        api = ContactsApi.member("import-" + UUID.randomUUID());
    }

    static byte[] fixture(String name) {
        try (InputStream in = ImportTest.class.getResourceAsStream("/imports/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonPath importFile(String contentType, byte[] file, String query) {
        return api.importFile(contentType, file, query);
    }

    private JsonPath awaitFinished(String location) {
        return api.awaitImport(location);
    }

    private JsonPath contacts(String query) {
        return given().auth().oauth2(api.token()).get("/v1/contacts" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anAppleVCardKeepsLabelsBirthdaysWithoutAYearAndSocialProfiles() {
        JsonPath job = importFile("text/vcard", fixture("apple.vcf"), "");
        assertEquals("succeeded", job.getString("status"));
        assertEquals(2, job.getInt("counts.created"));

        String adaId = job.getString("rows.find { it.row == 1 }.contactId");
        api.get(adaId).statusCode(200)
                .body("displayName", equalTo("Ada Lovelace"))
                .body("emails.find { it.address == 'ada@example.org' }.label", equalTo("other"))
                .body("emails.find { it.address == 'ada@example.org' }.primary", equalTo(true))
                .body("emails.find { it.address == 'ada@work.example' }.label", equalTo("work"))
                .body("phones.find { it.number == '+442079460958' }.label", equalTo("mobile"))
                .body("phones.find { it.number == '+442079460000' }.label", equalTo("studio"))
                .body("birthday.month", equalTo(12)).body("birthday.day", equalTo(10)).body("birthday.year", nullValue())
                .body("socialProfiles[0].url", equalTo("https://www.linkedin.com/in/ada-lovelace"))
                .body("company", equalTo("Analytical Engines")).body("department", equalTo("R&D"))
                .body("city", equalTo("London")).body("country", equalTo("GB"))
                .body("websites[0].url", equalTo("https://ada.example.org"));
    }

    @Test
    void importingTheSameFileTwiceChangesNothing() {
        JsonPath first = importFile("text/vcard", fixture("apple.vcf"), "");
        assertEquals(2, first.getInt("counts.created"));
        String before = given().auth().oauth2(api.token()).get("/v1/contacts/export?format=json").then().extract().asString();

        JsonPath second = importFile("text/vcard", fixture("apple.vcf"), "");
        assertEquals(0, second.getInt("counts.created"));
        assertEquals(0, second.getInt("counts.updated"));
        assertEquals(2, second.getInt("counts.skipped"));
        assertEquals(before, given().auth().oauth2(api.token()).get("/v1/contacts/export?format=json").then().extract().asString());
    }

    @Test
    void aContactWithTheSameEmailIsFilledInNotDuplicatedAndNothingIsOverwritten() {
        String existing = api.createId("{\"displayName\":\"Grace B. Hopper\",\"emails\":[{\"address\":\"GRACE@example.org\"}],\"note\":\"Mine\"}");
        JsonPath job = importFile("text/vcard", fixture("apple.vcf"), "");
        assertEquals(1, job.getInt("counts.created"));
        assertEquals(1, job.getInt("counts.updated"));
        assertEquals(existing, job.getString("rows.find { it.row == 2 }.contactId"));
        api.get(existing).body("displayName", equalTo("Grace B. Hopper"))
                .body("note", equalTo("Mine"))
                .body("birthday.year", equalTo(1906));
        assertEquals(2, contacts("").getList("items").size());
    }

    @Test
    void aBadRowFailsWithItsReasonAndTheOthersAreImported() {
        JsonPath job = importFile("text/vcard", fixture("google.vcf"), "");
        assertEquals("succeeded", job.getString("status"));
        assertEquals(3, job.getInt("counts.read"));
        assertEquals(2, job.getInt("counts.created"));
        assertEquals(1, job.getInt("counts.failed"));
        assertEquals("failed", job.getString("rows.find { it.row == 2 }.outcome"));
        assertTrue(job.getString("rows.find { it.row == 2 }.reason").contains("displayName"), job.prettify());
        assertEquals(2, contacts("").getList("items").size());
        JsonPath katherine = contacts("?q=katherine");
        assertEquals("https://x.com/katherinej", katherine.getString("items[0].socialProfiles[0].url"));
        assertEquals(List.of("Pioneers"), katherine.getList("items[0].tags"));
        assertEquals("US", katherine.getString("items[0].country"));
    }

    @Test
    void textThatCannotBeStoredIsLeftOutWithAWarningInTheUsersTerms() {
        // PostgreSQL text cannot hold NUL: the field is left out before anything is written, saying which and why;
        // a row left with nothing to know the person by fails alone.
        String file = "[{\"displayName\":\"Before\"},{\"displayName\":\"Nul\",\"note\":\"a\\u0000b\"},"
                + "{\"displayName\":\"\\u0000\"},{\"displayName\":\"After\"}]";
        JsonPath job = importFile("application/json", file.getBytes(java.nio.charset.StandardCharsets.UTF_8), "");
        assertEquals(3, job.getInt("counts.created"), job.prettify());
        assertEquals(1, job.getInt("counts.failed"));
        assertEquals(List.of("note 'a\uFFFDb' not imported: must not contain the NUL character (\\u0000) or an unpaired surrogate"),
                job.getList("rows.find { it.row == 2 }.warnings"));
        assertEquals("failed", job.getString("rows.find { it.row == 3 }.outcome"));
        assertTrue(job.getString("rows.find { it.row == 3 }.reason").contains("a contact needs a name"), job.prettify());
        assertEquals(List.of("After", "Before", "Nul"), contacts("").getList("items.displayName"));
    }

    @Test
    void aFileUploadedAsAFormIsImportedAndItsNameTellsTheFormat() {
        // Browsers often label a .vcf upload application/octet-stream.
        String location = given().auth().oauth2(api.token())
                .multiPart("file", "contacts.vcf", fixture("apple.vcf"), "application/octet-stream")
                .post("/v1/imports").then().statusCode(202).body("format", equalTo("vcard"))
                .extract().header("Location");
        assertEquals(2, awaitFinished(location).getInt("counts.created"));

        given().auth().oauth2(api.token()).multiPart("other", "x.txt", new byte[]{1}, "text/plain")
                .post("/v1/imports").then().statusCode(422).body("violations.field", hasItem("file"));
    }

    @Test
    void twoRowsOfOneFileForTheSamePersonBecomeOneContactAlsoInADryRun() {
        String file = "[{\"displayName\":\"Ada\",\"emails\":[{\"address\":\"ada@example.org\"}]},"
                + "{\"displayName\":\"Ada L.\",\"emails\":[{\"address\":\"ADA@example.org\"}],\"company\":\"Engines\"}]";
        byte[] bytes = file.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        JsonPath rehearsal = importFile("application/json", bytes, "?dryRun=true");
        assertEquals(1, rehearsal.getInt("counts.created"), rehearsal.prettify());
        assertEquals(1, rehearsal.getInt("counts.updated"));

        JsonPath job = importFile("application/json", bytes, "");
        assertEquals(1, job.getInt("counts.created"), job.prettify());
        assertEquals(1, job.getInt("counts.updated"));
        assertEquals(job.getString("rows[0].contactId"), job.getString("rows[1].contactId"));
        JsonPath all = contacts("");
        assertEquals(List.of("Engines"), all.getList("items.company"));
    }

    @Test
    void rowOutcomesComeInPagesAndCanBeNarrowedToFailures() {
        String location = given().auth().oauth2(api.token()).contentType("text/vcard").body(fixture("google.vcf"))
                .post("/v1/imports").then().statusCode(202).extract().header("Location");
        awaitFinished(location);

        JsonPath first = given().auth().oauth2(api.token()).get(location + "?rowsLimit=2").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(1, 2), first.getList("rows.row"));
        assertEquals(2, first.getInt("nextRowsAfter"));
        assertEquals(3, first.getInt("counts.read"));
        JsonPath last = given().auth().oauth2(api.token()).get(location + "?rowsLimit=2&rowsAfter=2").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(3), last.getList("rows.row"));
        assertNull(last.get("nextRowsAfter"));

        given().auth().oauth2(api.token()).get(location + "?outcome=failed").then().statusCode(200)
                .body("rows.row", equalTo(List.of(2))).body("rows[0].reason", org.hamcrest.Matchers.containsString("displayName"));
        given().auth().oauth2(api.token()).get(location + "?outcome=exploded&rowsLimit=0").then().statusCode(422)
                .body("violations.field", containsInAnyOrder("outcome", "rowsLimit"));
    }

    @Test
    void anOutlookVCard21IsRead() {
        JsonPath job = importFile("text/x-vcard", fixture("outlook.vcf"), "");
        assertEquals(1, job.getInt("counts.created"));
        JsonPath margaret = contacts("?q=hamilton");
        assertEquals("margaret@example.org", margaret.getString("items[0].emails[0].address"));
        assertEquals("+16175550199", margaret.getString("items[0].phones[0].number"));
        assertEquals("work", margaret.getString("items[0].phones[0].label"));
    }

    @Test
    void linkedInConnectionsAreImportedPastTheirPreambleWithMissingEmails() {
        JsonPath job = importFile("text/csv", fixture("linkedin.csv"), "");
        assertEquals("linkedin", job.getString("format"));
        assertEquals(2, job.getInt("counts.created"));
        JsonPath radia = contacts("?q=perlman");
        assertEquals(List.of(), radia.getList("items[0].emails"));
        assertEquals("https://www.linkedin.com/in/radia-perlman", radia.getString("items[0].socialProfiles[0].url"));
        assertEquals("2023-06-05", radia.getString("items[0].metOn"));
        assertEquals("Dell EMC", radia.getString("items[0].company"));
        assertEquals("Professor, CSAIL", contacts("?q=liskov").getString("items[0].title"));

        JsonPath again = importFile("text/csv", fixture("linkedin.csv"), "");
        assertEquals(2, again.getInt("counts.skipped"));
    }

    @Test
    void googleContactsCsvIsImported() {
        JsonPath job = importFile("text/csv", fixture("google.csv"), "");
        assertEquals("google", job.getString("format"));
        assertEquals(1, job.getInt("counts.created"), job.prettify());
        JsonPath frances = contacts("?q=frances");
        assertEquals("Fran", frances.getString("items[0].nickname"));
        assertEquals(List.of("frances@example.org", "fran@home.example"), frances.getList("items[0].emails.address"));
        assertEquals(true, frances.getBoolean("items[0].emails[0].primary"));
        assertEquals(8, frances.getInt("items[0].birthday.month"));
        assertEquals(List.of("Pioneers"), frances.getList("items[0].tags"));
        assertEquals("US", frances.getString("items[0].country"));
    }

    @Test
    void aDryRunReportsWhatWouldHappenAndWritesNothing() {
        JsonPath job = importFile("text/vcard", fixture("apple.vcf"), "?dryRun=true");
        assertEquals(true, job.getBoolean("dryRun"));
        assertEquals(2, job.getInt("counts.created"), job.prettify());
        assertEquals(0, contacts("").getList("items").size());
    }

    @Test
    void aFileThatIsNotWhatItSaysFailsTheJobWithAReason() {
        JsonPath job = importFile("text/vcard", "this is not a vcard".getBytes(), "");
        assertEquals("failed", job.getString("status"));
        assertTrue(job.getString("failure").contains("BEGIN:VCARD"), job.prettify());
    }

    @Test
    void anEmptyBodyOrAnUnknownMediaTypeIsA422() {
        given().auth().oauth2(api.token()).contentType("text/vcard").body(new byte[0]).post("/v1/imports").then().statusCode(422);
        given().auth().oauth2(api.token()).contentType("application/pdf").body("%PDF".getBytes()).post("/v1/imports")
                .then().statusCode(422).body("violations[0].field", equalTo("format"));
    }

    @Test
    void anImportIsOnlyVisibleToWhoStartedIt() {
        String location = given().auth().oauth2(api.token()).contentType("text/vcard").body(fixture("outlook.vcf"))
                .post("/v1/imports").then().statusCode(202).extract().header("Location");
        awaitFinished(location);
        given().auth().oauth2(ContactsApi.member("import-stranger-" + UUID.randomUUID()).token()).get(location)
                .then().statusCode(404);
    }

    @Test
    void aJobWhoseReplicaDiedIsResumedAfterItsLastRecordedRow() throws Exception {
        // As a crash leaves it: running, lease expired, row 1 applied and recorded, row 2 not yet.
        UUID job = UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into import_job (id, workspace_id, created_by, format, dry_run, payload, status, rows_read,"
                            + " rows_created, leased_until, created_at)"
                            + " values (?, ?, ?, 'VCARD', false, ?, 'RUNNING', 2, 1, now() - interval '1 minute', now())")) {
                insert.setObject(1, job);
                insert.setString(2, api.workspace());
                insert.setString(3, "member-of-" + api.workspace());
                insert.setBytes(4, fixture("apple.vcf"));
                insert.executeUpdate();
            }
            try (PreparedStatement row = c.prepareStatement("insert into import_row (job_id, row_number, workspace_id, outcome, reason)"
                    + " values (?, 1, ?, 'CREATED', 'before the crash')")) {
                row.setObject(1, job);
                row.setString(2, api.workspace());
                row.executeUpdate();
            }
        }
        JsonPath resumed = awaitFinished("/v1/imports/" + job);
        assertEquals("succeeded", resumed.getString("status"));
        assertEquals(2, resumed.getInt("counts.created"));
        assertEquals("before the crash", resumed.getString("rows.find { it.row == 1 }.reason"));
        assertEquals("created", resumed.getString("rows.find { it.row == 2 }.outcome"));
        // Row 1 (Ada) was not applied again: only row 2 (Grace) made a contact.
        assertEquals(List.of("Grace Hopper"), contacts("").getList("items.displayName"));
    }

    @Test
    void anExportImportedIntoAnotherWorkspaceLosesNoField() {
        api.createId("""
                {"givenName":"Ada","familyName":"Lovelace","nickname":"Countess","pronouns":"she/her",
                 "emails":[{"address":"ada@example.org","label":"personal"},{"address":"ada@work.example","label":"work","primary":true}],
                 "phones":[{"number":"+44 20 7946 0958","label":"mobile"}],
                 "socialProfiles":[{"network":"linkedin","handle":"ada-lovelace"},{"network":"mastodon","handle":"@ada@hachyderm.io"}],
                 "websites":[{"url":"https://ada.example.org/blog","kind":"blog"}],
                 "company":"Analytical Engines","title":"CTO","department":"R&D","city":"London","region":"England",
                 "country":"GB","address":"12 St James's Square","birthday":{"month":12,"day":10},
                 "howWeMet":"Introduced by Charles","metAt":"Royal Society","metOn":"1833-06-05",
                 "relationship":"both","note":"Poetical science","tags":["Mathematicians","Pioneers"]}
                """);
        api.createId("{\"givenName\":\"Grace\",\"familyName\":\"Hopper\",\"birthday\":{\"month\":12,\"day\":9,\"year\":1906}}");
        for (String version : List.of("4.0", "3.0")) {
            byte[] vcf = given().auth().oauth2(api.token()).get("/v1/contacts/export?version=" + version).then().extract().asByteArray();
            ContactsApi fresh = ContactsApi.member("import-roundtrip-" + UUID.randomUUID());
            String location = given().auth().oauth2(fresh.token()).contentType("text/vcard").body(vcf)
                    .post("/v1/imports").then().statusCode(202).extract().header("Location");
            await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(fresh.token()).get(location)
                    .then().extract().jsonPath().getString("status").equals("succeeded"));
            List<Map<String, Object>> original = comparable(api.token());
            List<Map<String, Object>> copy = comparable(fresh.token());
            assertEquals(original, copy, "vCard " + version);
        }
    }

    /** The exported contacts without what a copy must differ in (ids, owners, times, versions). */
    private static List<Map<String, Object>> comparable(String token) {
        List<Map<String, Object>> all = given().auth().oauth2(token).get("/v1/contacts/export?format=json").then()
                .extract().jsonPath().getList("");
        all.forEach(c -> List.of("id", "ownerId", "createdBy", "createdAt", "updatedAt", "version").forEach(c::remove));
        return all;
    }
}
