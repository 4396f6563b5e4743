package dev.rapport.interactions;

import dev.rapport.directory.ContactFixtures;
import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Logging, reading, changing and deleting interactions over HTTP, against the real database and broker. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class InteractionLogTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    String workspace;
    ContactFixtures contacts;

    @BeforeEach
    void newWorkspace() {
        workspace = "log-" + UUID.randomUUID();
        contacts = new ContactFixtures(kafka, workspace);
    }

    static String body(String kind, String occurredAt, String... contactIds) {
        StringBuilder participants = new StringBuilder();
        for (String id : contactIds) {
            participants.append(participants.isEmpty() ? "" : ",").append("{\"contactId\":\"").append(id).append("\"}");
        }
        return "{\"kind\":\"" + kind + "\",\"occurredAt\":\"" + occurredAt + "\",\"participants\":[" + participants + "]";
    }

    Response log(String json) {
        return given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON).body(json)
                .post("/v1/interactions");
    }

    @Test
    void anInteractionIsLoggedWithEverythingSaidAndReadBackInItsTimeZone() {
        String ada = contacts.contact("Ada Lovelace", "ada@example.org");
        String charles = contacts.contact("Charles Babbage");
        Response created = log(body("meeting", "2026-11-30T14:00:00", ada, charles, ada) + """
                , "timeZone": "Europe/Paris", "durationMinutes": 45, "channel": "in person", "location": "Royal Society",
                  "initiatedBy": "them", "summary": "  Coffee: her new engine ", "notes": "Long talk",
                  "feedback": "Liked the talk", "sentiment": "positive",
                  "followUp": {"due": "2026-12-07", "text": "Send the paper"}, "tags": ["mentor", " mentor ", "london"]}""");
        created.then().statusCode(201)
                .header("Location", endsWith("/v1/interactions/" + created.path("id")))
                .header("ETag", equalTo("\"0\""))
                .body("kind", equalTo("meeting"))
                .body("occurredAt", equalTo("2026-11-30T14:00:00+01:00"))
                .body("timeZone", equalTo("Europe/Paris"))
                .body("durationMinutes", equalTo(45))
                .body("initiatedBy", equalTo("them"))
                .body("participants.contactId", equalTo(List.of(ada, charles)))
                .body("participants.displayName", equalTo(List.of("Ada Lovelace", "Charles Babbage")))
                .body("summary", equalTo("Coffee: her new engine"))
                .body("feedback", equalTo("Liked the talk"))
                .body("sentiment", equalTo("positive"))
                .body("followUp.due", equalTo("2026-12-07"))
                .body("followUp.text", equalTo("Send the paper"))
                .body("tags", equalTo(List.of("mentor", "london")))
                .body("visibility", equalTo("workspace"))
                .body("source", equalTo("manual"))
                .body("createdBy", equalTo("member-of-" + workspace))
                .body("version", equalTo(0));

        given().auth().oauth2(TestTokens.reader(workspace)).get("/v1/interactions/{id}", created.path("id").toString())
                .then().statusCode(200).body("occurredAt", equalTo("2026-11-30T14:00:00+01:00"))
                .body("participants", hasSize(2)).header("ETag", equalTo("\"0\""));
    }

    @Test
    void everyInvalidFieldIsListedInOne422AndNothingIsLogged() {
        String ada = contacts.contact("Ada");
        log("""
                {"kind": "lunch", "occurredAt": "yesterday", "timeZone": "Mars/Olympus", "durationMinutes": -5,
                 "participants": [], "initiatedBy": "nobody", "sentiment": "ecstatic", "visibility": "secret",
                 "followUp": {"due": "2026-02-30"}, "source": "calendar"}""")
                .then().statusCode(422).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("kind", "occurredAt", "timeZone", "durationMinutes",
                        "participants", "initiatedBy", "sentiment", "visibility", "followUp.due", "source"));
        log(body("call", "2026-11-30T14:00:00", ada) + "}").then().statusCode(422)
                .body("violations[0].field", equalTo("occurredAt"));
        log(body("call", "2026-11-30T14:00:00Z", ada) + ", \"colour\": \"red\"}").then().statusCode(422)
                .body("violations[0].field", equalTo("colour"));
        given().auth().oauth2(TestTokens.member(workspace)).get("/v1/interactions").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void oddValuesAreRefusedInTheApisOwnWords() {
        String ada = contacts.contact("Ada");
        log(body("call", "2026-11-30T14:00:00Z", ada) + ", \"durationMinutes\": 1.5}").then().statusCode(422)
                .body("violations[0].field", equalTo("durationMinutes"));
        log(body("call", "2026-11-30T14:00:00Z", ada) + ", \"durationMinutes\": 10000000000}").then().statusCode(422)
                .body("violations[0].message", equalTo("is out of range"));
        log("{\"kind\": \"call\", \"occurredAt\": \"2026-11-30T14:00:00Z\", \"participants\": \"abc\"}").then()
                .statusCode(422).body("violations[0].message", equalTo("has the wrong type (expected an array)"));
        for (String offset : List.of("+01:00", "UTC+1", "GMT-05:00")) {
            log(body("call", "2026-11-30T14:00:00", ada) + ", \"timeZone\": \"" + offset + "\"}").then().statusCode(422)
                    .body("violations.field", equalTo(List.of("timeZone")));
        }
        // With no zone named, the offset it was written with is what is known of it.
        log(body("call", "2026-11-30T14:00:00+09:00", ada) + "}").then().statusCode(201)
                .body("timeZone", equalTo("+09:00")).body("occurredAt", equalTo("2026-11-30T14:00:00+09:00"));
    }

    @Test
    void participantsMustBeContactsTheAuthorCanSeeInThisWorkspace() {
        String ada = contacts.contact("Ada");
        String hidden = contacts.contact("Someone else's", "private", "other-member-of-" + workspace, List.of(), null);
        ContactFixtures elsewhere = new ContactFixtures(kafka, "elsewhere-" + UUID.randomUUID());
        String foreign = elsewhere.contact("Foreign");
        log(body("call", "2026-11-30T14:00:00Z", ada, UUID.randomUUID().toString(), hidden, foreign) + "}")
                .then().statusCode(422)
                .body("violations.field", equalTo(List.of("participants[1].contactId", "participants[2].contactId",
                        "participants[3].contactId")));
    }

    @Test
    void aChangeNeedsTheCurrentETagAndAMergePatchClearsWithNull() {
        String ada = contacts.contact("Ada");
        String charles = contacts.contact("Charles");
        String id = log(body("call", "2026-11-30T09:00:00Z", ada) + ", \"followUp\": {\"due\": \"2026-12-01\"}, \"notes\": \"n\"}")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.member(workspace)).contentType("application/merge-patch+json")
                .body("{\"summary\": \"x\"}").patch("/v1/interactions/{id}", id).then().statusCode(428);
        given().auth().oauth2(TestTokens.member(workspace)).contentType("application/merge-patch+json")
                .header("If-Match", "\"7\"").body("{\"summary\": \"x\"}").patch("/v1/interactions/{id}", id)
                .then().statusCode(412);
        given().auth().oauth2(TestTokens.member(workspace)).contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"").body("{\"externalId\": \"x\", \"source\": \"import\"}")
                .patch("/v1/interactions/{id}", id).then().statusCode(422)
                .body("violations.field", containsInAnyOrder("externalId", "source"));
        given().auth().oauth2(TestTokens.member(workspace)).contentType("application/merge-patch+json")
                .header("If-Match", "\"0\"")
                .body("{\"followUp\": null, \"summary\": \"Called back\", \"participants\": [{\"contactId\": \"" + charles + "\"}]}")
                .patch("/v1/interactions/{id}", id)
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("followUp", nullValue()).body("summary", equalTo("Called back")).body("notes", equalTo("n"))
                .body("occurredAt", equalTo("2026-11-30T09:00:00Z"))
                .body("participants.contactId", equalTo(List.of(charles)));
        given().auth().oauth2(TestTokens.member(workspace)).get("/v1/interactions?contact=" + ada)
                .then().body("items", hasSize(0));
    }

    @Test
    void aDeletedInteractionIsGoneAndAReaderCannotWrite() {
        String ada = contacts.contact("Ada");
        String id = log(body("note", "2026-11-30T09:00:00Z", ada) + "}").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.reader(workspace)).header("If-Match", "\"0\"").delete("/v1/interactions/{id}", id)
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.member(workspace)).header("If-Match", "\"0\"").delete("/v1/interactions/{id}", id)
                .then().statusCode(204);
        given().auth().oauth2(TestTokens.member(workspace)).get("/v1/interactions/{id}", id).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void anotherWorkspaceNeverSeesTheLog() {
        String ada = contacts.contact("Ada");
        String id = log(body("note", "2026-11-30T09:00:00Z", ada) + "}").then().statusCode(201).extract().path("id");
        String other = "other-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.member(other)).get("/v1/interactions/{id}", id).then().statusCode(404);
        given().auth().oauth2(TestTokens.member(other)).get("/v1/interactions").then().body("items", hasSize(0));
        given().auth().oauth2(TestTokens.member(other)).header("If-Match", "*").delete("/v1/interactions/{id}", id)
                .then().statusCode(404);
        given().auth().oauth2(TestTokens.member(other)).get("/v1/contacts/{id}/timeline", ada).then().statusCode(404);
        given().auth().oauth2(TestTokens.member(workspace)).get("/v1/interactions/{id}", id).then().statusCode(200);
    }

    @Test
    void aPrivateInteractionOrOneWithAPrivateContactIsItsOwnersOnly() {
        String ada = contacts.contact("Ada");
        String mine = contacts.contact("Mine", "private", "member-of-" + workspace, List.of(), null);
        String privateOne = log(body("note", "2026-11-30T09:00:00Z", ada) + ", \"visibility\": \"private\"}")
                .then().statusCode(201).extract().path("id");
        String withPrivateContact = log(body("call", "2026-11-30T10:00:00Z", ada, mine) + "}")
                .then().statusCode(201).extract().path("id");
        String open = log(body("call", "2026-11-30T11:00:00Z", ada) + "}").then().statusCode(201).extract().path("id");

        given().auth().oauth2(TestTokens.member(workspace)).get("/v1/interactions").then()
                .body("items.id", equalTo(List.of(open, withPrivateContact, privateOne)));
        String other = TestTokens.otherMember(workspace);
        given().auth().oauth2(other).get("/v1/interactions").then().body("items.id", equalTo(List.of(open)));
        given().auth().oauth2(other).get("/v1/contacts/{id}/timeline", ada).then().body("items.id", equalTo(List.of(open)));
        given().auth().oauth2(other).get("/v1/interactions/{id}", privateOne).then().statusCode(404);
        given().auth().oauth2(other).get("/v1/interactions/{id}", withPrivateContact).then().statusCode(404);
        given().auth().oauth2(other).get("/v1/contacts/{id}/stats", ada).then().body("total", equalTo(1));
        given().auth().oauth2(TestTokens.member(workspace)).get("/v1/contacts/{id}/stats", ada).then().body("total", equalTo(3));

        // A contact made private by its owner later hides the interactions with it from everyone else too.
        contacts.update(ada, "Ada", 1, "private", "member-of-" + workspace);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(other).get("/v1/interactions").then().body("items", hasSize(0)));
    }

    @Test
    void theSameIdempotencyKeyLogsOnceAndAnExternalIdOnce() {
        String ada = contacts.contact("Ada");
        String json = body("email", "2026-11-30T09:00:00Z", ada) + ", \"source\": \"import\", \"externalId\": \"crm-1\"}";
        String first = given().auth().oauth2(TestTokens.member(workspace)).header("Idempotency-Key", "k-1")
                .contentType(ContentType.JSON).body(json).post("/v1/interactions").then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.member(workspace)).header("Idempotency-Key", "k-1")
                .contentType(ContentType.JSON).body(json).post("/v1/interactions").then().statusCode(201)
                .body("id", equalTo(first)).header("Idempotent-Replayed", equalTo("true"));
        log(json).then().statusCode(409).contentType("application/problem+json");
        Response page = given().auth().oauth2(TestTokens.member(workspace)).get("/v1/interactions");
        assertEquals(List.of(first), page.path("items.id"));
        page.then().body("items[0].externalId", equalTo("crm-1")).body("items[0].source", equalTo("import"));
    }

    @Test
    void filtersAndPagesFindWhatWasLogged() {
        String ada = contacts.contact("Ada");
        String charles = contacts.contact("Charles");
        String a = log(body("meeting", "2026-10-01T09:00:00Z", ada) + ", \"summary\": \"Zoë's café\", \"tags\": [\"mentor\"]}")
                .then().statusCode(201).extract().path("id");
        String b = log(body("call", "2026-10-02T09:00:00Z", ada, charles) + ", \"initiatedBy\": \"them\", \"feedback\": \"Great DEMO\"}")
                .then().statusCode(201).extract().path("id");
        String c = log(body("email", "2026-10-03T09:00:00Z", charles) + ", \"followUp\": {\"due\": \"2026-10-10\"}}")
                .then().statusCode(201).extract().path("id");
        String token = TestTokens.member(workspace);
        given().auth().oauth2(token).get("/v1/interactions?contact=" + ada).then().body("items.id", equalTo(List.of(b, a)));
        given().auth().oauth2(token).get("/v1/interactions?kind=call").then().body("items.id", equalTo(List.of(b)));
        given().auth().oauth2(token).get("/v1/interactions?from=2026-10-02&to=2026-10-03").then().body("items.id", equalTo(List.of(b)));
        given().auth().oauth2(token).get("/v1/interactions?tag=mentor").then().body("items.id", equalTo(List.of(a)));
        given().auth().oauth2(token).get("/v1/interactions?tag=MENTOR").then().body("items.id", equalTo(List.of(a)));
        given().auth().oauth2(token).get("/v1/interactions?initiatedBy=them").then().body("items.id", equalTo(List.of(b)));
        given().auth().oauth2(token).get("/v1/interactions?q=ZOE CAFE").then().body("items.id", equalTo(List.of(a)));
        given().auth().oauth2(token).get("/v1/interactions?q=demo").then().body("items.id", equalTo(List.of(b)));
        given().auth().oauth2(token).get("/v1/interactions?hasFollowUp=true").then().body("items.id", equalTo(List.of(c)));
        given().auth().oauth2(token).get("/v1/interactions?hasFollowUp=false").then().body("items.id", equalTo(List.of(b, a)));
        given().auth().oauth2(token).get("/v1/interactions?kind=lunch&limit=0&cursor=nope&from=x&contact=y&hasFollowUp=maybe")
                .then().statusCode(422).body("violations.field",
                        containsInAnyOrder("kind", "limit", "cursor", "from", "contact", "hasFollowUp"));

        Response first = given().auth().oauth2(token).get("/v1/interactions?limit=2");
        first.then().body("items.id", equalTo(List.of(c, b))).body("nextCursor", notNullValue())
                .header("Link", org.hamcrest.Matchers.containsString("rel=\"next\""));
        given().auth().oauth2(token).get("/v1/interactions?limit=2&cursor=" + first.path("nextCursor"))
                .then().body("items.id", equalTo(List.of(a))).body("nextCursor", nullValue());
        given().auth().oauth2(token).get("/v1/contacts/{id}/timeline?limit=1", charles)
                .then().body("items.id", equalTo(List.of(c))).body("nextCursor", notNullValue());
        given().auth().oauth2(token).get("/v1/contacts/{id}/timeline", charles).then().body("items.id", hasItem(b));
    }
}
