package dev.rapport.reminders;

import dev.rapport.directory.ContactFixtures;
import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/** A workspace backup of reminders restores into an empty workspace: settings, cadences, reminders, what interactions said, feeds. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class ReminderBackupTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void cadencesRemindersAndSettingsComeBackInAnotherWorkspace() {
        String workspace = "reminder-backup-" + UUID.randomUUID();
        ContactFixtures contacts = new ContactFixtures(kafka, workspace);
        String ada = contacts.contact("Ada");
        String token = TestTokens.member(workspace);
        String cadence = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"contactId\":\"" + ada + "\",\"every\":\"P30D\"}").post("/v1/cadences").then().statusCode(201)
                .extract().path("id");
        String paper = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"text\":\"Paper\",\"due\":\"2027-01-01\",\"contactId\":\"" + ada + "\"}").post("/v1/reminders")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"timeZone\":\"Asia/Tokyo\",\"birthdayLeadDays\":3}")
                .put("/v1/reminder-settings").then().statusCode(200);
        String feed = java.net.URI.create(given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .post("/v1/calendar-feeds").then().statusCode(201).extract().<String>path("url")).getPath();
        String feedId = given().auth().oauth2(token).get("/v1/calendar-feeds").path("[0].id");
        String backup = given().auth().oauth2(TestTokens.admin(workspace)).get("/v1/backups/reminders").then().statusCode(200)
                .extract().asString();
        given().auth().oauth2(token).get("/v1/backups/reminders").then().statusCode(403);

        // Ids are unique per install: the restore goes where the rows are not (deleted here since).
        // Version 1: the new time zone moved its moment.
        given().auth().oauth2(token).header("If-Match", "\"1\"").delete("/v1/reminders/{id}", paper).then().statusCode(204);
        given().auth().oauth2(token).header("If-Match", "\"0\"").delete("/v1/cadences/{id}", cadence).then().statusCode(204);
        given().auth().oauth2(token).delete("/v1/calendar-feeds/{id}", feedId).then().statusCode(204);
        given().get(feed).then().statusCode(404);
        String target = "reminders-restored-" + UUID.randomUUID();
        given().auth().oauth2(TestTokens.admin(target)).contentType("application/x-ndjson")
                .body(backup.getBytes(StandardCharsets.UTF_8)).post("/v1/backups/reminders/restore").then().statusCode(200)
                .body("restored.cadence", equalTo(1)).body("restored.reminder", equalTo(2))
                .body("restored.user_setting", equalTo(1)).body("restored.calendar_feed", equalTo(1));
        new ContactFixtures(kafka, target).announce(ada, "Ada");

        // The same user, in the workspace the backup went to: reminders are their owner's.
        String restored = TestTokens.sign(dev.rapport.local.Tokens.Spec.of(target, "member-of-" + workspace, "member"));
        given().auth().oauth2(restored).get("/v1/reminders/{id}", paper).then().statusCode(200)
                .body("text", equalTo("Paper")).body("contactName", equalTo("Ada"));
        given().auth().oauth2(restored).get("/v1/reminders").then()
                .body("items.kind", hasItems("keep-in-touch", "one-off"));
        given().auth().oauth2(restored).get("/v1/cadences/{id}", cadence).then().statusCode(200).body("every", equalTo("P30D"));
        given().auth().oauth2(restored).get("/v1/reminder-settings").then().body("timeZone", equalTo("Asia/Tokyo"));
        // The URL a calendar app holds works again, and shows the restored workspace.
        given().auth().oauth2(restored).get("/v1/calendar-feeds").then().body("id", equalTo(List.of(feedId)));
        org.junit.jupiter.api.Assertions.assertTrue(given().get(feed).then().statusCode(200).extract().asString()
                .contains("SUMMARY:Paper"));
        given().auth().oauth2(token).get("/v1/reminders").then().body("items", org.hamcrest.Matchers.empty());
        List<?> none = given().auth().oauth2(token).get("/v1/cadences").path("items");
        org.junit.jupiter.api.Assertions.assertTrue(none.isEmpty());
    }
}
