package dev.rapport.e2e;

import dev.rapport.events.InteractionEventTypes;
import dev.rapport.local.LocalKafka;
import dev.rapport.local.LocalStack;
import dev.rapport.local.LocalStack.Service;
import dev.rapport.local.Tokens;
import dev.rapport.testing.TestEvents;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;


import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Flows that start at contacts-service's API and end in the other two services, on the shared stack: packaged
 * services, PostgreSQL and the broker in this JVM (so a test can stop and restart the broker).
 */
@org.junit.jupiter.api.Order(6)
class CrossServiceIT {

    private static final int CONTACTS = 25;
    private static final List<Service> CONSUMERS = List.of(Service.INTERACTIONS, Service.REMINDERS);

    private static LocalStack stack;

    @BeforeAll
    static void sharedStack() {
        stack = SharedStack.get();
    }

    @Test
    void aContactsChangesAndErasureReachBothServices() {
        String workspace = "lifecycle";
        String token = Tokens.sign(Tokens.Spec.of(workspace, "lifecycle-user", "member"), stack.keys().privateKey());
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"givenName\":\"Katherine\",\"familyName\":\"Goble\",\"birthday\":{\"month\":8,\"day\":26,\"year\":1918}}")
                .post(stack.url(Service.CONTACTS) + "/v1/contacts").then().statusCode(201).extract().path("id");
        for (Service consumer : CONSUMERS) {
            awaitSummary(consumer, token, id, 200, "Katherine Goble");
            given().auth().oauth2(token).get(stack.url(consumer) + consumer.summaryPath(id))
                    .then().body("birthday.month", equalTo(8)).body("birthday.day", equalTo(26));
        }

        given().auth().oauth2(token).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"familyName\":\"Johnson\"}")
                .patch(stack.url(Service.CONTACTS) + "/v1/contacts/" + id).then().statusCode(200);
        for (Service consumer : CONSUMERS) {
            awaitSummary(consumer, token, id, 200, "Katherine Johnson");
        }

        given().auth().oauth2(token).header("If-Match", "\"1\"")
                .delete(stack.url(Service.CONTACTS) + "/v1/contacts/" + id).then().statusCode(204);
        for (Service consumer : CONSUMERS) {
            awaitSummary(consumer, token, id, 404, null);
        }
    }

    @Test
    void aMergeAndItsUndoReachBothServices() {
        String token = Tokens.sign(Tokens.Spec.of("merging", "merge-user", "member"), stack.keys().privateKey());
        String survivor = create(token, "{\"displayName\":\"Dorothy Vaughan\"}");
        String absorbed = create(token, "{\"displayName\":\"D. Vaughan\"}");
        for (Service consumer : CONSUMERS) {
            awaitSummary(consumer, token, absorbed, 200, "D. Vaughan");
        }

        String mergeId = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"absorb\":[\"" + absorbed + "\"]}")
                .post(stack.url(Service.CONTACTS) + "/v1/contacts/" + survivor + "/merge").then().statusCode(200)
                .extract().path("mergeId");
        for (Service consumer : CONSUMERS) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    given().auth().oauth2(token).redirects().follow(false)
                            .get(stack.url(consumer) + consumer.summaryPath(absorbed))
                            .then().statusCode(308).header("Location", endsWith(consumer.summaryPath(survivor))));
        }

        given().auth().oauth2(token).post(stack.url(Service.CONTACTS) + "/v1/merges/" + mergeId + "/undo").then().statusCode(200);
        for (Service consumer : CONSUMERS) {
            awaitSummary(consumer, token, absorbed, 200, "D. Vaughan");
        }
    }

    /**
     * The README's backup procedure, then a restore into an install that has nothing of the workspace (its rows
     * deleted here, as a new install would have none): contacts come back as they were, and the other
     * services rebuild what they keep of them from the events the restore sends.
     */
    @Test
    void aWorkspaceBackedUpFromEveryServiceRestoresIntoAnInstallWithoutIt() throws Exception {
        String workspace = "restored";
        String member = Tokens.sign(Tokens.Spec.of(workspace, "restore-user", "member"), stack.keys().privateKey());
        String admin = Tokens.sign(Tokens.Spec.of(workspace, "restore-admin", "admin"), stack.keys().privateKey());
        String survivor = create(member, "{\"displayName\":\"Mary Jackson\",\"birthday\":{\"month\":4,\"day\":9}}");
        String absorbed = create(member, "{\"displayName\":\"M. Jackson\"}");
        given().auth().oauth2(member).contentType(ContentType.JSON).body("{\"absorb\":[\"" + absorbed + "\"]}")
                .post(stack.url(Service.CONTACTS) + "/v1/contacts/" + survivor + "/merge").then().statusCode(200);
        String before = given().auth().oauth2(member).get(stack.url(Service.CONTACTS) + "/v1/contacts/" + survivor)
                .then().statusCode(200).extract().asString();
        for (Service consumer : CONSUMERS) {
            awaitSummary(consumer, member, survivor, 200, "Mary Jackson");
        }

        Map<Service, byte[]> backups = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            backups.put(service, given().auth().oauth2(admin).get(stack.url(service) + service.backupPath())
                    .then().statusCode(200).extract().asByteArray());
        }
        forget(Service.CONTACTS, workspace, "merged_contact", "contact_merge", "contact_source", "contact_history",
                "contact", "tag", "workspace_settings");
        for (Service consumer : CONSUMERS) {
            forget(consumer, workspace, "contact_projection");
            given().auth().oauth2(member).get(stack.url(consumer) + consumer.summaryPath(survivor)).then().statusCode(404);
        }

        for (Service service : Service.values()) {
            given().auth().oauth2(admin).contentType("application/x-ndjson").body(backups.get(service))
                    .post(stack.url(service) + service.backupPath() + "/restore").then().statusCode(200);
        }
        assertEquals(before, given().auth().oauth2(member).get(stack.url(Service.CONTACTS) + "/v1/contacts/" + survivor)
                .then().statusCode(200).extract().asString());
        for (Service consumer : CONSUMERS) {
            awaitSummary(consumer, member, survivor, 200, "Mary Jackson");
            given().auth().oauth2(member).get(stack.url(consumer) + consumer.summaryPath(survivor))
                    .then().body("birthday.month", equalTo(4));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    given().auth().oauth2(member).redirects().follow(false)
                            .get(stack.url(consumer) + consumer.summaryPath(absorbed))
                            .then().statusCode(308));
        }
    }

    /**
     * A contact deleted after its workspace was backed up comes back in every service when the backup is restored,
     * over the tombstone its deletion left there, and takes later changes; deleted again and restored into another
     * workspace of the same install, it is that workspace's own contact there.
     */
    @Test
    void aDeletedContactRestoredFromABackupIsBackInBothServicesInItsWorkspaceOrAnother() {
        String workspace = "deleted-then-restored";
        String member = Tokens.sign(Tokens.Spec.of(workspace, "restore-user", "member"), stack.keys().privateKey());
        String admin = Tokens.sign(Tokens.Spec.of(workspace, "restore-admin", "admin"), stack.keys().privateKey());
        String id = create(member, "{\"displayName\":\"Christine Darden\"}");
        for (Service consumer : CONSUMERS) {
            awaitSummary(consumer, member, id, 200, "Christine Darden");
        }
        byte[] backup = given().auth().oauth2(admin).get(stack.url(Service.CONTACTS) + Service.CONTACTS.backupPath())
                .then().statusCode(200).extract().asByteArray();
        deleteAndAwaitGone(member, id, "\"0\"");

        restoreContacts(admin, backup);
        for (Service consumer : CONSUMERS) {
            awaitSummary(consumer, member, id, 200, "Christine Darden");
        }
        given().auth().oauth2(member).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"displayName\":\"Christine Mann Darden\"}")
                .patch(stack.url(Service.CONTACTS) + "/v1/contacts/" + id).then().statusCode(200);
        for (Service consumer : CONSUMERS) {
            awaitSummary(consumer, member, id, 200, "Christine Mann Darden");
        }

        deleteAndAwaitGone(member, id, "\"1\"");
        String elsewhere = "restored-elsewhere";
        String otherMember = Tokens.sign(Tokens.Spec.of(elsewhere, "restore-user", "member"), stack.keys().privateKey());
        restoreContacts(Tokens.sign(Tokens.Spec.of(elsewhere, "restore-admin", "admin"), stack.keys().privateKey()), backup);
        for (Service consumer : CONSUMERS) {
            awaitSummary(consumer, otherMember, id, 200, "Christine Darden");
            given().auth().oauth2(member).get(stack.url(consumer) + consumer.summaryPath(id)).then().statusCode(404);
        }
    }

    private static void deleteAndAwaitGone(String token, String id, String etag) {
        given().auth().oauth2(token).header("If-Match", etag)
                .delete(stack.url(Service.CONTACTS) + "/v1/contacts/" + id).then().statusCode(204);
        for (Service consumer : CONSUMERS) {
            awaitSummary(consumer, token, id, 404, null);
        }
    }

    private static void restoreContacts(String admin, byte[] backup) {
        given().auth().oauth2(admin).contentType("application/x-ndjson").body(backup)
                .post(stack.url(Service.CONTACTS) + Service.CONTACTS.backupPath() + "/restore").then().statusCode(200);
    }

    private static void forget(Service service, String workspace, String... tables) throws Exception {
        try (Connection connection = DriverManager.getConnection(
                stack.infrastructure().postgres().jdbcUrl(service.database), "postgres", "")) {
            for (String table : tables) {
                try (var delete = connection.prepareStatement("delete from " + table + " where workspace_id = ?")) {
                    delete.setString(1, workspace);
                    delete.executeUpdate();
                }
            }
        }
    }

    private static String create(String token, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json)
                .post(stack.url(Service.CONTACTS) + "/v1/contacts").then().statusCode(201).extract().path("id");
    }

    /**
     * The log's loop across services: a contact added in contacts-service is one to log an interaction with in
     * interactions-service; the interaction's event goes out on its topic (what reminders-service will consume) with
     * its CloudEvents envelope; a merge in contacts-service moves it to the survivor, an erasure erases it with its
     * last contact.
     */
    @Test
    void anInteractionLoggedWithANewContactFollowsItsMergeAndErasure() {
        String workspace = "interactions-flow";
        String token = Tokens.sign(Tokens.Spec.of(workspace, "flow-user", "member"), stack.keys().privateKey());
        String ada = create(token, "{\"displayName\":\"Ada Lovelace\",\"emails\":[{\"address\":\"ada@example.org\"}]}");
        String adaToo = create(token, "{\"displayName\":\"A. Lovelace\"}");
        awaitSummary(Service.INTERACTIONS, token, adaToo, 200, "A. Lovelace");
        String interaction = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"kind\":\"meeting\",\"occurredAt\":\"2026-11-30T14:00:00+01:00\",\"timeZone\":\"Europe/Paris\","
                        + "\"participants\":[{\"contactId\":\"" + adaToo + "\"}],\"followUp\":{\"due\":\"2026-12-07\"}}")
                .post(stack.url(Service.INTERACTIONS) + "/v1/interactions").then().statusCode(201).extract().path("id");

        var logged = TestEvents.awaitRecord(stack.infrastructure().kafka().bootstrapServers(),
                InteractionEventTypes.TOPIC, interaction, Duration.ofSeconds(30));
        assertEquals(InteractionEventTypes.LOGGED_V1, TestEvents.header(logged, "ce_type"));
        assertEquals(workspace, TestEvents.header(logged, "ce_workspaceid"));
        assertEquals(InteractionEventTypes.SOURCE, TestEvents.header(logged, "ce_source"));
        assertEquals(List.of(adaToo), JsonPath.from(logged.value()).getList("participants"));

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"absorb\":[\"" + adaToo + "\"]}")
                .post(stack.url(Service.CONTACTS) + "/v1/contacts/" + ada + "/merge").then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(token).get(stack.url(Service.INTERACTIONS) + "/v1/contacts/" + ada + "/timeline")
                        .then().statusCode(200).body("items.id", equalTo(List.of(interaction))));

        String etag = given().auth().oauth2(token).get(stack.url(Service.CONTACTS) + "/v1/contacts/" + ada)
                .then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(token).header("If-Match", etag)
                .delete(stack.url(Service.CONTACTS) + "/v1/contacts/" + ada).then().statusCode(204);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(token).get(stack.url(Service.INTERACTIONS) + "/v1/interactions/" + interaction)
                        .then().statusCode(404));
    }

    /**
     * The product's core loop: a contact made in contacts-service, a keep-in-touch cadence set in reminders-service, an
     * interaction logged in interactions-service moves the contact's day on the agenda (and its follow-up joins it);
     * the interaction deleted, the day moves back. The calendar feed shows the same.
     */
    @Test
    void loggingAnInteractionMovesTheKeepInTouchDayOnTheAgendaAndTheFeed() {
        String workspace = "core-loop";
        String token = Tokens.sign(Tokens.Spec.of(workspace, "loop-user", "member"), stack.keys().privateKey());
        String grace = create(token, "{\"displayName\":\"Grace Hopper\"}");
        awaitSummary(Service.REMINDERS, token, grace, 200, "Grace Hopper");
        awaitSummary(Service.INTERACTIONS, token, grace, 200, "Grace Hopper");
        String reminders = stack.url(Service.REMINDERS);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"contactId\":\"" + grace + "\",\"every\":\"P30D\"}")
                .post(reminders + "/v1/cadences").then().statusCode(201);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        String fromToday = today.plusDays(30).toString();
        String agenda = reminders + "/v1/agenda?days=60";
        given().auth().oauth2(token).get(agenda).then().statusCode(200)
                .body("upcoming.find { it.contactId == '" + grace + "' }.due", equalTo(fromToday));

        // An evening call in New York (already the next day in UTC) counts from its New York day.
        java.time.LocalDate called = today.minusDays(10);
        String interaction = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"kind\":\"call\",\"occurredAt\":\"" + called + "T21:00:00-05:00\",\"timeZone\":\"America/New_York\","
                        + "\"participants\":[{\"contactId\":\"" + grace + "\"}],"
                        + "\"followUp\":{\"due\":\"" + today.plusDays(2) + "\",\"text\":\"Send the COBOL notes\"}}")
                .post(stack.url(Service.INTERACTIONS) + "/v1/interactions").then().statusCode(201).extract().path("id");
        String movedTo = called.plusDays(30).toString();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(token).get(agenda).then().statusCode(200)
                        .body("upcoming.findAll { it.contactId == '" + grace + "' }.kind", equalTo(List.of("follow-up", "keep-in-touch")))
                        .body("upcoming.find { it.kind == 'keep-in-touch' }.due", equalTo(movedTo))
                        .body("upcoming.find { it.kind == 'follow-up' }.text", equalTo("Send the COBOL notes")));

        String feed = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"name\":\"Phone\"}")
                .post(reminders + "/v1/calendar-feeds").then().statusCode(201).extract().path("url");
        String calendar = given().get(feed).then().statusCode(200).contentType("text/calendar").extract().asString();
        assertTrue(calendar.contains("SUMMARY:Keep in touch with Grace Hopper"), calendar);
        assertTrue(calendar.contains("DTSTART;VALUE=DATE:" + movedTo.replace("-", "")), calendar);

        given().auth().oauth2(token).header("If-Match", "\"0\"")
                .delete(stack.url(Service.INTERACTIONS) + "/v1/interactions/" + interaction).then().statusCode(204);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(token).get(agenda).then().statusCode(200)
                        .body("upcoming.findAll { it.contactId == '" + grace + "' }.kind", equalTo(List.of("keep-in-touch")))
                        .body("upcoming.find { it.kind == 'keep-in-touch' }.due", equalTo(fromToday)));

        // Completing a reminder with "log this": interactions-service logs it, and the day moves again.
        String thanks = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"text\":\"Thank Grace\",\"due\":\"" + today + "\",\"contactId\":\"" + grace + "\"}")
                .post(reminders + "/v1/reminders").then().statusCode(201).extract().path("id");
        String logged = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"logInteraction\":{\"kind\":\"email\",\"summary\":\"Thanked her\",\"occurredAt\":\""
                        + today.minusDays(1) + "T12:00:00Z\"}}")
                .post(reminders + "/v1/reminders/" + thanks + "/complete").then().statusCode(200)
                .body("reminder.status", equalTo("completed")).extract().path("loggedInteractionId");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(token).get(stack.url(Service.INTERACTIONS) + "/v1/interactions/" + logged)
                        .then().statusCode(200).body("summary", equalTo("Thanked her")).body("kind", equalTo("email")));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(token).get(agenda).then().statusCode(200)
                        .body("upcoming.find { it.kind == 'keep-in-touch' }.due", equalTo(today.plusDays(29).toString())));
    }

    @Test
    void aPrivateContactStaysPrivateInTheOtherServices() {
        String workspace = "privacy";
        String owner = Tokens.sign(Tokens.Spec.of(workspace, "owner", "member"), stack.keys().privateKey());
        String colleague = Tokens.sign(Tokens.Spec.of(workspace, "colleague", "member"), stack.keys().privateKey());
        String id = given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body("{\"displayName\":\"Only Mine\",\"visibility\":\"private\"}")
                .post(stack.url(Service.CONTACTS) + "/v1/contacts").then().statusCode(201).extract().path("id");
        for (Service consumer : CONSUMERS) {
            awaitSummary(consumer, owner, id, 200, "Only Mine");
            given().auth().oauth2(colleague).get(stack.url(consumer) + consumer.summaryPath(id))
                    .then().statusCode(404);
        }
    }

    private static void awaitSummary(Service consumer, String token, String id, int status, String displayName) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            var response = given().auth().oauth2(token).get(stack.url(consumer) + consumer.summaryPath(id))
                    .then().statusCode(status);
            if (displayName != null) {
                response.body("displayName", equalTo(displayName));
            }
        });
    }

    /**
     * Kafka stopped for 20 s (60 s in the long run) while clients keep writing to every service: the APIs keep acknowledging writes (the
     * outbox), readiness says DOWN while the broker is away and UP once it is back, and afterwards every acknowledged
     * write's event has reached every consumer, each applied exactly once.
     */
    @Test
    void writesDuringABrokerOutageAreAcknowledgedAndReachEveryConsumerExactlyOnce() throws Exception {
        LocalKafka kafka = stack.infrastructure().kafka();
        String token = Tokens.sign(Tokens.Spec.of("outage", "outage-user", "member"), stack.keys().privateKey());
        // With a webhook, the webhook consumer owes this workspace work for every event (without one it skips them).
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"url\":\"http://localhost:9/outage\",\"eventTypes\":[\"dev.rapport.reminder.due.v1\"]}")
                .post(stack.url(Service.REMINDERS) + "/v1/webhooks").then().statusCode(201);
        String known = given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"displayName\":\"Before the outage\"}")
                .post(stack.url(Service.CONTACTS) + "/v1/contacts").then().statusCode(201).extract().path("id");
        awaitSummary(Service.INTERACTIONS, token, known, 200, "Before the outage");
        awaitSummary(Service.REMINDERS, token, known, 200, "Before the outage");
        Map<Service, Map<String, Double>> appliedBefore = quiescentAppliedEvents();
        List<String> contacts = new ArrayList<>();
        List<String> interactions = new ArrayList<>();
        List<String> reminders = new ArrayList<>();
        // Every fifth reminder is about the known contact and completed with an interaction to log: reminders-service's
        // events reach interactions-service's consumer too.
        List<String> completed = new ArrayList<>();
        Map<Service, Boolean> sawDown = new EnumMap<>(Service.class);
        // 20 s in the build, 60 s in the long run (deploy/e2e/long-run sets rapport.long).
        kafka.stop();
        long outageEnds = System.nanoTime() + Duration.ofSeconds(Boolean.getBoolean("rapport.long") ? 60 : 20).toNanos();
        try {
            for (int i = 0; System.nanoTime() < outageEnds || i < CONTACTS; i++) {
                contacts.add(given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"displayName\":\"Outage " + i + "\"}")
                        .post(stack.url(Service.CONTACTS) + "/v1/contacts").then().statusCode(201).extract().path("id"));
                interactions.add(given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body("{\"kind\":\"call\",\"occurredAt\":\"2026-11-" + (10 + i % 20) + "T10:00:00Z\","
                                + "\"participants\":[{\"contactId\":\"" + known + "\"}],\"summary\":\"Outage call " + i + "\"}")
                        .post(stack.url(Service.INTERACTIONS) + "/v1/interactions").then().statusCode(201).extract().path("id"));
                boolean complete = i % 5 == 0;
                String reminder = given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body("{\"text\":\"Outage reminder " + i + "\",\"due\":\"2026-12-24\""
                                + (complete ? ",\"contactId\":\"" + known + "\"" : "") + "}")
                        .post(stack.url(Service.REMINDERS) + "/v1/reminders").then().statusCode(201).extract().path("id");
                reminders.add(reminder);
                if (complete) {
                    given().auth().oauth2(token).contentType(ContentType.JSON)
                            .body("{\"logInteraction\":{\"kind\":\"call\",\"summary\":\"Outage completion " + i + "\"}}")
                            .post(stack.url(Service.REMINDERS) + "/v1/reminders/" + reminder + "/complete").then().statusCode(200);
                    completed.add(reminder);
                }
                for (Service service : Service.values()) {
                    Response ready = given().get(stack.url(service) + "/q/health/ready");
                    List<String> down = ready.jsonPath().getList("checks.findAll { it.status == 'DOWN' }.name");
                    if (ready.statusCode() == 503 && down.stream().anyMatch(name -> name.matches("(?i).*(kafka|messaging).*"))) {
                        sawDown.put(service, true);
                    }
                }
                Thread.sleep(200);
            }
        } finally {
            kafka.start();
        }
        for (Service service : Service.values()) {
            assertEquals(Boolean.TRUE, sawDown.get(service), service.module + "'s readiness said DOWN while Kafka was away");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    given().get(stack.url(service) + "/q/health/ready").then().statusCode(200));
        }

        for (Service consumer : CONSUMERS) {
            String jdbcUrl = stack.infrastructure().postgres().jdbcUrl(consumer.database);
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                    assertEquals(contacts.size() + 1, count(jdbcUrl, "select count(*) from contact_projection where workspace_id = 'outage'")));
            assertEquals(contacts.size() + 1, count(jdbcUrl, "select count(*) from inbox_event where workspace_id = 'outage'"
                    + " and consumer like '%contact-projection'"), consumer + " recorded each contact event once");
        }
        String reminderDb = stack.infrastructure().postgres().jdbcUrl(Service.REMINDERS.database);
        // The interactions logged through the API, and those logged from completed reminders.
        int logged = interactions.size() + completed.size();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertEquals(logged, count(reminderDb, "select count(*) from interaction_seen where workspace_id = 'outage'")));
        assertEquals(logged, count(reminderDb, "select count(*) from inbox_event where workspace_id = 'outage'"
                + " and consumer = 'reminders.interactions'"), "reminders applied each interaction event once");
        String interactionDb = stack.infrastructure().postgres().jdbcUrl(Service.INTERACTIONS.database);
        assertEquals(logged, count(interactionDb, "select count(*) from interaction where workspace_id = 'outage'"),
                "each completed reminder's interaction logged once");
        for (Service producer : Service.values()) {
            String jdbcUrl = stack.infrastructure().postgres().jdbcUrl(producer.database);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> assertEquals(0,
                    count(jdbcUrl, "select count(*) from outbox_event where workspace_id = 'outage' and published_at is null"),
                    producer.module + " published everything it acknowledged"));
        }
        assertEquals(reminders.size(), count(reminderDb, "select count(*) from outbox_event where workspace_id = 'outage'"
                + " and type = 'dev.rapport.reminder.created.v1'"), "one reminder.created.v1 per reminder");
        // Rows keyed by event id could not be doubled anyway: the consumers' own count of effects applied is the check
        // that no event was applied twice (and none skipped).
        // reminders-service's webhook consumer takes every event of every service: all of this workspace's but the
        // known contact's creation, applied before the count began.
        int outageEvents = -1;
        for (Service producer : Service.values()) {
            outageEvents += count(stack.infrastructure().postgres().jdbcUrl(producer.database),
                    "select count(*) from outbox_event where workspace_id = 'outage'");
        }
        // The webhook consumer is not awaited above: its counts may still be rising.
        int webhookEvents = outageEvents;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (Service consumer : CONSUMERS) {
                Map<String, Double> applied = appliedEvents(consumer);
                Map<String, Double> before = appliedBefore.get(consumer);
                java.util.Set<String> names = new java.util.TreeSet<>(applied.keySet());
                names.addAll(before.keySet());
                assertTrue(names.stream().anyMatch(name -> name.endsWith("contact-projection")), consumer.module + ": " + names);
                for (String name : names) {
                    // Of reminders' events interactions-service applies only reminder.completed.v1; it skips the others.
                    double expected = name.endsWith("contact-projection") ? contacts.size()
                            : name.endsWith("webhooks") ? webhookEvents
                            : consumer == Service.REMINDERS ? logged : completed.size();
                    assertEquals(expected, applied.getOrDefault(name, 0.0) - before.getOrDefault(name, 0.0),
                            consumer.module + "'s " + name + " applied each event of the outage once");
                }
            }
        });
        System.out.printf("Kafka outage: %d contacts, %d interactions, %d reminders (%d completed with an interaction to log)"
                + " acknowledged while it was down%n", contacts.size(), interactions.size(), reminders.size(), completed.size());
    }

    /**
     * The consumers' applied counts once the stack is quiet (earlier tests' events, on this shared stack, all
     * published and applied): every outbox drained and no count moving for a second.
     */
    private static Map<Service, Map<String, Double>> quiescentAppliedEvents() {
        Map<Service, Map<String, Double>> counts = new EnumMap<>(Service.class);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            for (Service producer : Service.values()) {
                if (count(stack.infrastructure().postgres().jdbcUrl(producer.database),
                        "select count(*) from outbox_event where published_at is null") > 0) {
                    return false;
                }
            }
            Map<Service, Map<String, Double>> now = new EnumMap<>(Service.class);
            for (Service consumer : CONSUMERS) {
                now.put(consumer, appliedEvents(consumer));
            }
            boolean settled = now.equals(counts);
            counts.clear();
            counts.putAll(now);
            return settled;
        });
        return counts;
    }

    /** {@code rapport_events_consumed_total{outcome="applied"}} by consumer, as the service's metrics say now. */
    private static Map<String, Double> appliedEvents(Service service) {
        Map<String, Double> applied = new java.util.TreeMap<>();
        for (String line : given().get(stack.url(service) + "/q/metrics").asString().split("\n")) {
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("^rapport_events_consumed_total\\{.*consumer=\"([^\"]+)\".*outcome=\"applied\".*} ([0-9.eE+-]+)$").matcher(line);
            if (m.find()) {
                applied.merge(m.group(1), Double.parseDouble(m.group(2)), Double::sum);
            }
        }
        return applied;
    }

    private static int count(String jdbcUrl, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
             ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
