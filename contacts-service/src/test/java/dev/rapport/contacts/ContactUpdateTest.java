package dev.rapport.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.testing.RapportInfraTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** PATCH with JSON Merge Patch, If-Match, dated history and the events changes emit; DELETE. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class ContactUpdateTest {

    private final ContactsApi api = ContactsApi.member("update-" + UUID.randomUUID());

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aMergePatchChangesOnlyWhatItNamesAndNullRemoves() {
        String id = api.createId("{\"givenName\":\"Grace\",\"familyName\":\"Hopper\",\"nickname\":\"Amazing Grace\",\"note\":\"COBOL\"}");
        api.patch(id, "\"0\"", "{\"familyName\":\"Murray Hopper\",\"nickname\":null}")
                .statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("displayName", equalTo("Grace Murray Hopper"))
                .body("nickname", nullValue())
                .body("note", equalTo("COBOL"))
                .body("version", equalTo(1));
    }

    @Test
    void aListInAPatchReplacesTheWholeList() {
        String id = api.createId("{\"displayName\":\"Lists\",\"emails\":[{\"address\":\"a@example.org\"},{\"address\":\"b@example.org\"}]}");
        api.patch(id, "\"0\"", "{\"emails\":[{\"address\":\"c@example.org\"}]}")
                .statusCode(200).body("emails", hasSize(1)).body("emails[0].address", equalTo("c@example.org"));
    }

    @Test
    void aPatchThatLeavesPhonesAloneKeepsHowEachWasWritten() {
        String id = api.createId("""
                {"displayName":"Phones","country":"FR","phones":[{"number":"+44 20 7946 0958","label":"work"},
                 {"number":"01 42 34 56 78"}]}
                """);
        api.patch(id, "\"0\"", "{\"note\":\"called\",\"country\":\"DE\"}").statusCode(200)
                .body("phones.original", equalTo(List.of("+44 20 7946 0958", "01 42 34 56 78")))
                .body("phones.number", equalTo(List.of("+442079460958", "+33142345678")))
                .body("phones[0].label", equalTo("work"));
    }

    @Test
    void withoutIfMatchAPatchIsA428AndAStaleOneA412() {
        String id = api.createId("{\"displayName\":\"Guarded\"}");
        given().auth().oauth2(api.token()).contentType("application/merge-patch+json").body("{\"note\":\"x\"}")
                .patch("/v1/contacts/" + id).then().statusCode(428).contentType(startsWith("application/problem+json"));
        api.patch(id, "\"0\"", "{\"note\":\"first\"}").statusCode(200);
        api.patch(id, "\"0\"", "{\"note\":\"lost update\"}").statusCode(412).contentType(startsWith("application/problem+json"));
        api.get(id).body("note", equalTo("first"));
    }

    @Test
    void ofTwoConcurrentPatchesWithTheSameIfMatchOnlyOneWins() {
        String id = api.createId("{\"displayName\":\"Raced\"}");
        List<CompletableFuture<Integer>> racers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String note = "racer " + i;
            racers.add(CompletableFuture.supplyAsync(() -> api.patch(id, "\"0\"", "{\"note\":\"" + note + "\"}").extract().statusCode()));
        }
        List<Integer> statuses = racers.stream().map(CompletableFuture::join).toList();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "statuses " + statuses);
        assertEquals(5, statuses.stream().filter(s -> s == 412).count(), "statuses " + statuses);
        api.get(id).body("version", equalTo(1));
    }

    @Test
    void anInvalidPatchWritesNothing() {
        String id = api.createId("{\"displayName\":\"Valid\",\"company\":\"Acme\"}");
        api.patch(id, "\"0\"", "{\"company\":\"Initech\",\"country\":\"Narnia\"}")
                .statusCode(422).body("violations[0].field", equalTo("country"));
        api.get(id).body("company", equalTo("Acme")).body("version", equalTo(0));
        given().auth().oauth2(api.token()).get("/v1/contacts/" + id + "/history").then().body("", hasSize(0));
    }

    @Test
    void jobPlaceAndRelationshipChangesAreDatedHistoryWithTheirOwnEvents() throws Exception {
        String id = api.createId("{\"displayName\":\"Mover\",\"company\":\"Acme\",\"title\":\"Engineer\",\"city\":\"Oslo\",\"country\":\"NO\",\"relationship\":\"professional\"}");
        given().auth().oauth2(api.token()).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .queryParam("effectiveOn", "2026-09-01")
                .body("{\"company\":\"Initech\",\"title\":\"CTO\",\"city\":\"Lisbon\",\"country\":\"PT\"}")
                .patch("/v1/contacts/" + id).then().statusCode(200);
        api.patch(id, "\"1\"", "{\"relationship\":\"both\",\"note\":\"not history\"}").statusCode(200);

        given().auth().oauth2(api.token()).get("/v1/contacts/" + id + "/history").then().statusCode(200)
                .body("", hasSize(3))
                .body("find { it.kind == 'job' }.effectiveOn", equalTo("2026-09-01"))
                .body("find { it.kind == 'job' }.from.company", equalTo("Acme"))
                .body("find { it.kind == 'job' }.to.title", equalTo("CTO"))
                .body("find { it.kind == 'place' }.to.country", equalTo("PT"))
                .body("find { it.kind == 'relationship' }.from.relationship", equalTo("professional"))
                .body("find { it.kind == 'relationship' }.to.relationship", equalTo("both"))
                .body("find { it.kind == 'relationship' }.recordedBy", equalTo("member-of-" + api.workspace()));

        List<String> types = eventTypes(id);
        assertEquals(List.of("dev.rapport.contact.created.v1", "dev.rapport.contact.job-changed.v1",
                "dev.rapport.contact.moved.v1", "dev.rapport.contact.updated.v1",
                "dev.rapport.contact.relationship-changed.v1", "dev.rapport.contact.updated.v1"), types);
        JsonNode updated = lastPayload(id, "dev.rapport.contact.updated.v1");
        assertEquals(2, updated.path("version").asInt());
        assertEquals("[\"relationship\",\"note\"]", updated.path("changedFields").toString());
    }

    @Test
    void aPatchThatChangesNothingKeepsTheVersionAndEmitsNothing() throws Exception {
        String id = api.createId("{\"displayName\":\"Same\",\"company\":\"Acme\"}");
        api.patch(id, "\"0\"", "{\"company\":\"Acme\"}").statusCode(200).header("ETag", equalTo("\"0\""));
        assertEquals(List.of("dev.rapport.contact.created.v1"), eventTypes(id));
    }

    @Test
    void deleteErasesTheContactAndItsHistoryAndTellsTheOtherServices() throws Exception {
        String id = api.createId("{\"displayName\":\"Gone\",\"company\":\"Acme\"}");
        api.patch(id, "\"0\"", "{\"company\":\"Initech\"}").statusCode(200);
        given().auth().oauth2(api.token()).header("If-Match", "\"0\"").delete("/v1/contacts/" + id).then().statusCode(412);
        given().auth().oauth2(api.token()).header("If-Match", "\"1\"").delete("/v1/contacts/" + id).then().statusCode(204);
        api.get(id).statusCode(404);
        given().auth().oauth2(api.token()).get("/v1/contacts/" + id + "/history").then().statusCode(404);
        assertEquals(0, count("select count(*) from contact_history where contact_id = ?", id));
        assertEquals("dev.rapport.contact.deleted.v1", eventTypes(id).get(eventTypes(id).size() - 1));
        given().auth().oauth2(api.token()).header("If-Match", "\"1\"").delete("/v1/contacts/" + id).then().statusCode(404);
    }

    @Test
    void anotherWorkspaceCannotSeeChangeOrDeleteAContact() {
        String id = api.createId("{\"displayName\":\"Mine\"}");
        ContactsApi stranger = ContactsApi.member("stranger-" + UUID.randomUUID());
        stranger.get(id).statusCode(404);
        stranger.patch(id, "\"0\"", "{\"note\":\"hijack\"}").statusCode(404);
        given().auth().oauth2(stranger.token()).header("If-Match", "\"0\"").delete("/v1/contacts/" + id).then().statusCode(404);
        given().auth().oauth2(stranger.token()).get("/v1/contacts/" + id + "/history").then().statusCode(404);
        api.get(id).statusCode(200).body("version", equalTo(0));
    }

    private List<String> eventTypes(String id) throws Exception {
        List<String> types = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("select type from outbox_event where subject = ? order by seq")) {
            s.setString(1, id);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    types.add(rows.getString(1));
                }
            }
        }
        return types;
    }

    private JsonNode lastPayload(String id, String type) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "select cast(payload as text) from outbox_event where subject = ? and type = ? order by seq desc limit 1")) {
            s.setString(1, id);
            s.setString(2, type);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return new ObjectMapper().readTree(rows.getString(1));
            }
        }
    }

    private long count(String sql, String id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
