package dev.rapport.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
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
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Merging duplicates into one contact, what the absorbed ids answer afterwards, and undoing it. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class MergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;

    private ContactsApi api;
    private String survivor;
    private String absorbed;

    @BeforeEach
    void twoRecordsOfOnePerson() {
        api = ContactsApi.member("merge-" + UUID.randomUUID());
        survivor = api.createId("""
                {"givenName":"Ada","familyName":"Lovelace","emails":[{"address":"ada@example.org","primary":true}],
                 "company":"Analytical Engines","tags":["mathematics"]}""");
        absorbed = api.createId("""
                {"displayName":"A. Lovelace","emails":[{"address":"countess@example.com","primary":true}],
                 "phones":[{"number":"+44 20 7946 0958"}],"company":"Babbage & Co","city":"London",
                 "note":"Met at the Difference Engine demo","tags":["Investors"]}""");
        api.patch(absorbed, api.etag(absorbed), "{\"company\":\"Babbage Ltd\"}").statusCode(200);
    }

    private ValidatableResponse merge(String into, String body, String query) {
        return given().auth().oauth2(api.token()).contentType(ContentType.JSON).body(body)
                .post("/v1/contacts/" + into + "/merge" + query).then();
    }

    private ValidatableResponse undo(String mergeId) {
        return given().auth().oauth2(api.token()).post("/v1/merges/" + mergeId + "/undo").then();
    }

    private JsonPath history(String id) {
        return given().auth().oauth2(api.token()).get("/v1/contacts/" + id + "/history").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theSurvivorKeepsItsValuesGainsEveryContactPointAndTakesTheChosenFields() {
        JsonPath merged = merge(survivor, "{\"absorb\":[\"" + absorbed + "\"],\"choose\":{\"note\":\"" + absorbed + "\"}}", "")
                .statusCode(200).body("dryRun", equalTo(false)).body("absorbed", equalTo(List.of(absorbed)))
                .extract().jsonPath();
        assertNotEquals(null, merged.getString("mergeId"));

        api.get(survivor).statusCode(200)
                .body("displayName", equalTo("Ada Lovelace"))
                .body("emails.address", containsInAnyOrder("ada@example.org", "countess@example.com"))
                .body("emails.findAll { it.primary }.address", equalTo(List.of("ada@example.org")))
                .body("phones.number", equalTo(List.of("+442079460958")))
                .body("company", equalTo("Analytical Engines"))
                .body("city", equalTo("London"))
                .body("note", equalTo("Met at the Difference Engine demo"))
                .body("tags", containsInAnyOrder("mathematics", "Investors"));
        // The absorbed contact's job change is now the survivor's history, and the merge filled in a place.
        JsonPath history = history(survivor);
        assertEquals(List.of("job", "place"), history.getList("kind"), history.prettify());
        assertEquals("Babbage Ltd", history.getString("[0].to.company"));

        given().auth().oauth2(api.token()).get("/v1/contacts?q=lovelace").then().statusCode(200)
                .body("items.id", equalTo(List.of(survivor)));
    }

    @Test
    void anAbsorbedIdRedirectsToItsSurvivorAndRefusesChanges() {
        String mergeId = merge(survivor, "{\"absorb\":[\"" + absorbed + "\"]}", "").statusCode(200).extract().path("mergeId");

        given().auth().oauth2(api.token()).redirects().follow(false).get("/v1/contacts/" + absorbed).then()
                .statusCode(308)
                .header("Location", endsWith("/v1/contacts/" + survivor))
                .body("mergedInto", equalTo(survivor)).body("mergeId", equalTo(mergeId));
        given().auth().oauth2(api.token()).get("/v1/contacts/" + absorbed).then()
                .statusCode(200).body("id", equalTo(survivor));
        api.patch(absorbed, "\"1\"", "{\"note\":\"x\"}").statusCode(409)
                .body("type", equalTo("https://rapport.dev/problems/contact-merged"))
                .body("mergedInto", equalTo(survivor));
        // Another workspace learns nothing about it.
        given().auth().oauth2(TestTokens.member("other-" + UUID.randomUUID())).redirects().follow(false)
                .get("/v1/contacts/" + absorbed).then().statusCode(404);
    }

    @Test
    void aDryRunShowsTheResultAndWritesNothing() {
        String survivorTag = api.etag(survivor);
        String absorbedTag = api.etag(absorbed);
        merge(survivor, "{\"absorb\":[\"" + absorbed + "\"],\"choose\":{\"company\":\"" + absorbed + "\"}}", "?dryRun=true")
                .statusCode(200).body("dryRun", equalTo(true)).body("mergeId", nullValue())
                .body("contact.company", equalTo("Babbage Ltd"))
                .body("contact.emails.address", containsInAnyOrder("ada@example.org", "countess@example.com"));

        assertEquals(survivorTag, api.etag(survivor));
        assertEquals(absorbedTag, api.etag(absorbed));
        assertEquals(List.of(), events("dev.rapport.contact.merged.v1", survivor));
    }

    @Test
    void aDryRunFlagThatIsNeitherTrueNorFalseIsRefusedAndMergesNothing() {
        String survivorTag = api.etag(survivor);
        String absorbedTag = api.etag(absorbed);
        for (String flag : List.of("1", "yes", "maybe")) {
            merge(survivor, "{\"absorb\":[\"" + absorbed + "\"]}", "?dryRun=" + flag)
                    .statusCode(422).body("violations.field", equalTo(List.of("dryRun")));
        }
        assertEquals(survivorTag, api.etag(survivor));
        assertEquals(absorbedTag, api.etag(absorbed));
        assertEquals(List.of(), events("dev.rapport.contact.merged.v1", survivor));
    }

    @Test
    void undoingGivesBackTheAbsorbedContactAsItWasAndTheSurvivorAsItWasBefore() throws Exception {
        String survivorBefore = api.get(survivor).statusCode(200).extract().asString();
        String absorbedBefore = api.get(absorbed).statusCode(200).extract().asString();
        String absorbedTag = api.etag(absorbed);
        List<Object> absorbedHistory = history(absorbed).getList("id");

        String mergeId = merge(survivor, "{\"absorb\":[\"" + absorbed + "\"],\"choose\":{\"note\":\"" + absorbed + "\"}}", "")
                .statusCode(200).extract().path("mergeId");
        undo(mergeId).statusCode(200)
                .body("contact.emails.address", equalTo(List.of("ada@example.org")))
                .body("restored.id", equalTo(List.of(absorbed)));

        assertEquals(JSON.readTree(absorbedBefore), JSON.readTree(api.get(absorbed).statusCode(200).extract().asString()));
        assertEquals(absorbedTag, api.etag(absorbed));
        assertEquals(withoutVersionAndUpdate(survivorBefore), withoutVersionAndUpdate(api.get(survivor).extract().asString()));
        assertEquals(absorbedHistory, history(absorbed).getList("id"));
        assertEquals(List.of(), history(survivor).getList("id"));

        List<JsonNode> undone = events("dev.rapport.contact.merge-undone.v1", survivor);
        assertEquals(1, undone.size());
        assertEquals(absorbed, undone.get(0).path("restored").path(0).path("contactId").asText());
        assertEquals(List.of(absorbed), JSON.convertValue(events("dev.rapport.contact.merged.v1", survivor).get(0)
                .path("absorbedIds"), List.class));

        undo(mergeId).statusCode(409);
    }

    @Test
    void aMergeIsNotUndoneOverALaterChangeOfTheSurvivor() {
        String mergeId = merge(survivor, "{\"absorb\":[\"" + absorbed + "\"]}", "").statusCode(200).extract().path("mergeId");
        api.patch(survivor, api.etag(survivor), "{\"title\":\"Countess\"}").statusCode(200);

        undo(mergeId).statusCode(409).body("detail", org.hamcrest.Matchers.containsString("changed since the merge"));
        given().auth().oauth2(api.token()).redirects().follow(false).get("/v1/contacts/" + absorbed).then().statusCode(308);
    }

    @Test
    void anImportedContactFollowsItsSurvivorSoImportingAgainDuplicatesNothing() {
        byte[] card = """
                BEGIN:VCARD\r
                VERSION:4.0\r
                UID:urn:uuid:7d3c9a52-1111-4c6b-9a86-2f1e0b1c0001\r
                FN:Charles Babbage\r
                EMAIL:charles@example.org\r
                END:VCARD\r
                """.getBytes();
        String imported = awaitImport(card).getString("rows[0].contactId");
        merge(survivor, "{\"absorb\":[\"" + imported + "\"]}", "").statusCode(200);

        JsonPath again = awaitImport(card);
        assertEquals(0, again.getInt("counts.created"), again.prettify());
        assertEquals(survivor, again.getString("rows[0].contactId"));
    }

    @Test
    void erasingTheSurvivorForgetsWhatItAbsorbed() {
        merge(survivor, "{\"absorb\":[\"" + absorbed + "\"]}", "").statusCode(200);
        given().auth().oauth2(api.token()).header("If-Match", api.etag(survivor)).delete("/v1/contacts/" + survivor)
                .then().statusCode(204);
        given().auth().oauth2(api.token()).redirects().follow(false).get("/v1/contacts/" + absorbed).then().statusCode(404);
        assertEquals(0, count("select count(*) from merged_contact where workspace_id = ?", api.workspace()));
    }

    @Test
    void badMergeRequestsAre422sNamingEachProblemAndChangeNothing() {
        String elsewhere = ContactsApi.member("other-" + UUID.randomUUID()).createId("{\"displayName\":\"Not Yours\"}");
        merge(survivor, "{\"absorb\":[]}", "").statusCode(422).body("violations.field", equalTo(List.of("absorb")));
        merge(survivor, "{\"absorb\":[\"" + survivor + "\"]}", "").statusCode(422)
                .body("violations.field", equalTo(List.of("absorb[0]")));
        merge(survivor, "{\"absorb\":[\"" + absorbed + "\",\"" + elsewhere + "\"],\"choose\":{\"emails\":\"" + absorbed
                + "\",\"company\":\"" + elsewhere + "\"}}", "").statusCode(422)
                .body("violations.field", containsInAnyOrder("absorb[1]", "choose.emails", "choose.company"));
        merge(survivor, "{\"absorb\":[\"not-a-uuid\"]}", "").statusCode(422);
        merge(survivor, "{\"absorb\":[\"" + absorbed + "\"],\"unknown\":1}", "").statusCode(422);
        merge(UUID.randomUUID().toString(), "{\"absorb\":[\"" + absorbed + "\"]}", "").statusCode(404);
        api.get(absorbed).statusCode(200);
        given().auth().oauth2(TestTokens.reader(api.workspace())).contentType(ContentType.JSON)
                .body("{\"absorb\":[\"" + absorbed + "\"]}").post("/v1/contacts/" + survivor + "/merge").then().statusCode(403);
    }

    private JsonPath awaitImport(byte[] file) {
        String location = given().auth().oauth2(api.token()).contentType("text/vcard").body(file)
                .post("/v1/imports").then().statusCode(202).extract().header("Location");
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(
                () -> given().auth().oauth2(api.token()).get(location).then().statusCode(200).extract().jsonPath(),
                job -> "succeeded".equals(job.getString("status")));
    }

    private static String withoutVersionAndUpdate(String contact) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode node = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(contact);
            node.remove(List.of("version", "updatedAt"));
            return node.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<JsonNode> events(String type, String subject) {
        List<JsonNode> found = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select cast(payload as text) from outbox_event where type = ? and workspace_id = ? order by seq")) {
            query.setString(1, type);
            query.setString(2, api.workspace());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    JsonNode payload = JSON.readTree(rows.getString(1));
                    if (subject.equals(payload.path("survivorId").asText())) {
                        found.add(payload);
                    }
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private long count(String sql, String workspace) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, workspace);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
