package dev.rapport.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.events.ContactEventTypes;
import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A workspace backup restored into an empty workspace gives back every row; a restore is all or nothing. An
 * install's "fresh" workspace is made here by deleting the workspace's rows, as a new install would have none.
 */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class BackupTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TABLES = List.of("workspace_settings", "tag", "contact", "contact_history",
            "contact_source", "contact_merge", "merged_contact");
    private static final String NDJSON = "application/x-ndjson";

    @Inject
    AgroalDataSource dataSource;

    private ContactsApi api;
    private String admin;

    @BeforeEach
    void aWorkspaceWithSomeOfEverything() {
        api = ContactsApi.member("backup-" + UUID.randomUUID());
        admin = TestTokens.admin(api.workspace());
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"defaultPhoneRegion\":\"GB\"}")
                .put("/v1/settings").then().statusCode(200);
        String ada = api.createId("""
                {"givenName":"Ada","familyName":"Lovelace","nickname":"Ada","pronouns":"she/her",
                 "emails":[{"address":"ada@example.org","label":"home","primary":true}],
                 "phones":[{"number":"020 7946 0958","label":"mobile"}],
                 "socialProfiles":[{"network":"linkedin","url":"https://www.linkedin.com/in/ada"}],"websites":[{"url":"https://ada.example.org"}],
                 "company":"Analytical Engines","title":"Analyst","city":"London","country":"GB",
                 "birthday":{"month":12,"day":10,"year":1985},"howWeMet":"Babbage's salon","metOn":"2013-06-05",
                 "relationship":"both","note":"Poetical science","tags":["mathematics"]}""");
        api.patch(ada, api.etag(ada), "{\"company\":\"Difference Ltd\"}").statusCode(200);
        String duplicate = api.createId("{\"displayName\":\"A. Lovelace\",\"emails\":[{\"address\":\"countess@example.com\"}]}");
        given().auth().oauth2(api.token()).contentType(ContentType.JSON).body("{\"absorb\":[\"" + duplicate + "\"]}")
                .post("/v1/contacts/" + ada + "/merge").then().statusCode(200);
        given().auth().oauth2(TestTokens.sign(dev.rapport.local.Tokens.Spec.of(api.workspace(), "someone-else", "member")))
                .contentType(ContentType.JSON).body("{\"displayName\":\"Private To Someone Else\",\"visibility\":\"private\"}")
                .post("/v1/contacts").then().statusCode(201);
        String location = given().auth().oauth2(api.token()).contentType("text/vcard")
                .body("BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:backup-card-1\r\nFN:Grace Hopper\r\nEND:VCARD\r\n")
                .post("/v1/imports").then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(api.token()).get(location)
                .then().extract().path("status"), "succeeded"::equals);
    }

    private String backup(String token) {
        return given().auth().oauth2(token).get("/v1/backups/contacts").then().statusCode(200)
                .contentType(NDJSON).header("Content-Disposition", containsString(".ndjson")).extract().asString();
    }

    private ValidatableResponse restore(String token, String backup) {
        return given().auth().oauth2(token).contentType(NDJSON).body(backup.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/v1/backups/contacts/restore").then();
    }

    @Test
    void aBackupRestoredIntoAnEmptyWorkspaceGivesBackEveryRow() throws Exception {
        Set<String> rowsBefore = rows(api.workspace());
        String exportBefore = given().auth().oauth2(api.token()).get("/v1/contacts/export?format=json").then().extract().asString();
        String backup = backup(admin);
        long seqBefore = lastEventSeq();

        wipe(api.workspace());
        assertTrue(rows(api.workspace()).isEmpty());
        restore(admin, backup).statusCode(200)
                .body("restored.contact", equalTo(3)).body("restored.merged_contact", equalTo(1));

        assertEquals(rowsBefore, rows(api.workspace()));
        assertEquals(exportBefore, given().auth().oauth2(api.token()).get("/v1/contacts/export?format=json").then().extract().asString());
        // Every restored contact is announced as restored (replacing whatever the other services still hold of it),
        // then the merge in force, so the other services rebuild what they keep of them.
        assertEquals(List.of(ContactEventTypes.RESTORED_V1, ContactEventTypes.RESTORED_V1, ContactEventTypes.RESTORED_V1,
                ContactEventTypes.MERGED_V1), eventTypesSince(seqBefore, api.workspace()));
    }

    @Test
    void aBackupHoldsOnlyItsOwnWorkspace() throws Exception {
        ContactsApi other = ContactsApi.member("backup-other-" + UUID.randomUUID());
        String theirs = other.createId("{\"displayName\":\"Someone Else's Contact\"}");
        String backup = backup(admin);
        assertFalse(backup.contains(theirs));
        assertFalse(backup.contains(other.workspace()));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : backup.split("\n")) {
            lines.add(JSON.readTree(line));
        }
        assertEquals("contacts-service", lines.get(0).path("service").asText());
        assertEquals(lines.size() - 2, lines.get(lines.size() - 1).path("end").path("rows").asInt());
    }

    @Test
    void aRestoreIntoAWorkspaceThatHoldsDataIsRefused() {
        String backup = backup(admin);
        Set<String> before = rows(api.workspace());
        restore(admin, backup).statusCode(409).body("detail", containsString("empty workspace"));
        assertEquals(before, rows(api.workspace()));
    }

    @Test
    void aCutOffOrForeignBackupRestoresNothing() {
        String backup = backup(admin);
        wipe(api.workspace());
        String cutOff = backup.substring(0, backup.lastIndexOf("{\"end\""));
        restore(admin, cutOff).statusCode(400).body("detail", containsString("cut off"));
        restore(admin, "not json at all\n").statusCode(400);
        assertTrue(rows(api.workspace()).isEmpty());
    }

    @Test
    void aCutOffBackupIsRefusedAsCutOffEvenWhenItsRowsClash() {
        String backup = backup(admin);
        String cutOff = backup.substring(0, backup.lastIndexOf("{\"end\""));
        restore(TestTokens.admin("backup-cut-" + UUID.randomUUID()), cutOff).statusCode(400)
                .body("detail", containsString("cut off"));
        String recounted = backup.replaceFirst("\\{\"end\":\\{\"rows\":(\\d+)", "{\"end\":{\"rows\":999");
        restore(TestTokens.admin("backup-recount-" + UUID.randomUUID()), recounted).statusCode(400)
                .body("detail", containsString("signature"));
    }

    @Test
    void anAlteredOrHandMadeBackupIsRefusedWhateverItsIdsAre() {
        String backup = backup(admin);
        wipe(api.workspace());
        String elsewhere = TestTokens.admin("backup-probe-" + UUID.randomUUID());
        String contactId = jsonLines(backup).stream().filter(l -> l.path("table").asText().equals("contact"))
                .findFirst().orElseThrow().path("row").path("id").asText();
        // Probing for an id that exists and for one that does not must look the same: both are simply not genuine.
        for (String altered : List.of(
                backup.replaceFirst("\"service\":\"contacts-service\"", "\"service\":\"reminders-service\""),
                backup.replace(contactId, UUID.randomUUID().toString()),
                backup.replaceFirst("Ada", "Eve"))) {
            restore(elsewhere, altered).statusCode(400).body("detail", containsString("signature"));
        }
        assertTrue(rows(api.workspace()).isEmpty());
    }

    @Test
    void restoringACopyWhileTheOriginalIsStillHereIsAConflictWithoutDatabaseText() {
        String backup = backup(admin);
        String elsewhere = TestTokens.admin("backup-copy-" + UUID.randomUUID());
        restore(elsewhere, backup).statusCode(409)
                .body("type", equalTo("https://rapport.dev/problems/conflict"))
                .body("detail", containsString("already in this install"))
                .body("detail", not(containsString("Key (")))
                .body("detail", not(containsString("contact")));
    }

    @Test
    void deletingAWorkspacesLastContactLeavesNothingBehindAndItsBackupRestoresThere() {
        ContactsApi solo = ContactsApi.member("backup-solo-" + UUID.randomUUID());
        String soloAdmin = TestTokens.admin(solo.workspace());
        String id = solo.createId("{\"givenName\":\"Solo\",\"tags\":[\"t1\"]}");
        String backup = backup(soloAdmin);
        given().auth().oauth2(solo.token()).header("If-Match", solo.etag(id)).delete("/v1/contacts/" + id)
                .then().statusCode(204);
        // No tag outlives the last contact that carried it: the workspace is empty again.
        assertEquals(Set.of(), rows(solo.workspace()));
        restore(soloAdmin, backup).statusCode(200);
        solo.get(id).statusCode(200).body("tags[0]", equalTo("t1"));
    }

    @Test
    void onlyAnAdminBacksUpOrRestores() {
        given().auth().oauth2(api.token()).get("/v1/backups/contacts").then().statusCode(403);
        restore(api.token(), "{}").statusCode(403);
    }

    private static List<JsonNode> jsonLines(String backup) {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : backup.split("\n")) {
            try {
                lines.add(JSON.readTree(line));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return lines;
    }

    /** Every row of the workspace, as PostgreSQL renders it, without the workspace column. */
    private Set<String> rows(String workspace) {
        Set<String> rows = new TreeSet<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : TABLES) {
                try (PreparedStatement query = connection.prepareStatement(
                        "select '" + table + " ' || cast(to_jsonb(t) - 'workspace_id' as text) from " + table + " t where workspace_id = ?")) {
                    query.setString(1, workspace);
                    try (ResultSet found = query.executeQuery()) {
                        while (found.next()) {
                            rows.add(found.getString(1));
                        }
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    private void wipe(String workspace) {
        try (Connection connection = dataSource.getConnection()) {
            List<String> childrenFirst = new ArrayList<>(TABLES);
            java.util.Collections.reverse(childrenFirst);
            for (String table : childrenFirst) {
                try (PreparedStatement delete = connection.prepareStatement("delete from " + table + " where workspace_id = ?")) {
                    delete.setString(1, workspace);
                    delete.executeUpdate();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long lastEventSeq() {
        try (Connection connection = dataSource.getConnection();
             ResultSet found = connection.createStatement().executeQuery("select coalesce(max(seq), 0) from outbox_event")) {
            found.next();
            return found.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The types of the workspace's events written after {@code seq}, in order. */
    private List<String> eventTypesSince(long seq, String workspace) {
        List<String> types = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select type from outbox_event where workspace_id = ? and seq > ? order by seq")) {
            query.setString(1, workspace);
            query.setLong(2, seq);
            try (ResultSet found = query.executeQuery()) {
                while (found.next()) {
                    types.add(found.getString(1));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return types;
    }
}
