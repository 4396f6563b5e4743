package dev.rapport.reminders;

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

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

/** Contact erasure, merge and undone merge reach cadences, reminders and birthdays. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class ReminderContactChangesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    String workspace;
    ContactFixtures contacts;

    @BeforeEach
    void newWorkspace() {
        workspace = "changes-" + UUID.randomUUID();
        contacts = new ContactFixtures(kafka, workspace);
    }

    String post(String path, String json) {
        return given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON).body(json).post(path)
                .then().statusCode(201).extract().path("id");
    }

    Response reminders(String kind) {
        return given().auth().oauth2(TestTokens.member(workspace)).queryParam("kind", kind).get("/v1/reminders");
    }

    /** Every keep-in-touch as "contact every". */
    List<String> keepInTouch() {
        Response page = reminders("keep-in-touch");
        List<String> contactIds = page.path("items.contactId");
        List<String> every = page.path("items.every");
        List<String> pairs = new java.util.ArrayList<>();
        for (int i = 0; i < contactIds.size(); i++) {
            pairs.add(contactIds.get(i) + " " + every.get(i));
        }
        return pairs.stream().sorted().toList();
    }

    @Test
    void anErasedContactTakesItsRemindersAndCadencesWithIt() {
        String ada = contacts.contact("Ada");
        String cadence = post("/v1/cadences", "{\"contactId\":\"" + ada + "\",\"every\":\"P30D\"}");
        post("/v1/reminders", "{\"text\":\"Paper\",\"due\":\"2027-01-01\",\"contactId\":\"" + ada + "\"}");
        post("/v1/reminders", "{\"text\":\"Unrelated\",\"due\":\"2027-01-01\"}");
        contacts.delete(ada, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> reminders("keep-in-touch").<List<?>>path("items").isEmpty());
        given().auth().oauth2(TestTokens.member(workspace)).get("/v1/reminders").then().body("items.text", contains("Unrelated"));
        given().auth().oauth2(TestTokens.member(workspace)).get("/v1/cadences/{id}", cadence).then().statusCode(404);
        given().auth().oauth2(TestTokens.member(workspace)).get("/v1/cadences").then().body("items", empty());
    }

    @Test
    void aMergeKeepsTheStricterCadenceAndOneBirthdayAndAnUndoneMergeGivesEachBack() {
        String ada = contacts.contactBornOn("Ada", List.of(), "{\"month\":12,\"day\":10,\"year\":null}");
        String twin = contacts.contactBornOn("Ada L.", List.of(), "{\"month\":12,\"day\":10,\"year\":null}");
        post("/v1/cadences", "{\"contactId\":\"" + ada + "\",\"every\":\"P30D\"}");
        post("/v1/cadences", "{\"contactId\":\"" + twin + "\",\"every\":\"P10D\"}");
        String paper = post("/v1/reminders", "{\"text\":\"Paper\",\"due\":\"2027-01-01\",\"contactId\":\"" + twin + "\"}");
        assertBirthdays(2);

        contacts.merge(ada, twin);
        await().atMost(Duration.ofSeconds(30)).until(() -> keepInTouch().equals(List.of(ada + " P10D")));
        given().auth().oauth2(TestTokens.member(workspace)).get("/v1/reminders/{id}", paper).then()
                .body("contactId", equalTo(ada)).body("contactName", equalTo("Ada"));
        assertBirthdays(1);

        contacts.undoMerge(ada, twin, "Ada L.", 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> keepInTouch().equals(
                java.util.stream.Stream.of(ada + " P30D", twin + " P10D").sorted().toList()));
        given().auth().oauth2(TestTokens.member(workspace)).get("/v1/reminders/{id}", paper).then().body("contactId", equalTo(twin));
    }

    void assertBirthdays(int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> Objects.equals(count,
                given().auth().oauth2(TestTokens.member(workspace)).queryParam("date", "2026-12-09").queryParam("days", 3)
                        .get("/v1/agenda").<List<?>>path("upcoming").size()));
    }
}
