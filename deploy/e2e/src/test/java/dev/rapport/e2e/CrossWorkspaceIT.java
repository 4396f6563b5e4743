package dev.rapport.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.events.ContactEventTypes;
import dev.rapport.events.InteractionEventTypes;
import dev.rapport.events.ReminderEventTypes;
import dev.rapport.local.LocalStack;
import dev.rapport.local.LocalStack.Service;
import dev.rapport.local.Tokens;
import dev.rapport.testing.TestEvents;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An attacker with a valid token for another workspace (an admin there), and a colleague in the same workspace, try
 * everything on a victim's data. Every operation of every service's OpenAPI document that takes an id is called with
 * the victim's ids: each answers exactly as it does for an id that exists nowhere (so nothing confirms an id exists),
 * and nothing of the victim's changes. Every list, search, export, duplicate check and backup the attacker can call
 * holds none of the victim's data; the colleague cannot see the victim's private contact anywhere; crafted events with
 * the attacker's workspace, or none, change nothing of the victim's.
 */
@org.junit.jupiter.api.Order(2)
class CrossWorkspaceIT {

    private static final String MARKER = "Zebulon";

    private static LocalStack stack;
    private static String victim;
    private static String attacker;
    private static String colleague;
    /** Path parameter → the victim's id for it, by the collection the path starts with. */
    private static final Map<String, String> victimIds = new LinkedHashMap<>();
    private static String privateContact;
    /** What the victim reads of its own data, before and after the attack: service and path. */
    private static final Map<String, Service> stateUrls = new LinkedHashMap<>();

    @BeforeAll
    static void aVictimWithOneOfEverything() {
        stack = SharedStack.get();
        victim = Tokens.sign(Tokens.Spec.of("victim-co", "alice", "member", "admin"), stack.keys().privateKey());
        colleague = Tokens.sign(Tokens.Spec.of("victim-co", "bob", "member"), stack.keys().privateKey());
        attacker = Tokens.sign(Tokens.Spec.of("attacker-co", "mallory", "member", "admin"), stack.keys().privateKey());

        String contact = create(Service.CONTACTS, "/v1/contacts", "{\"givenName\":\"" + MARKER + "\",\"familyName\":\"Victim\","
                + "\"emails\":[{\"address\":\"zebulon@victim.example\"}],\"tags\":[\"zebulon-tag\"],\"note\":\"" + MARKER + " secret\"}");
        String twin = create(Service.CONTACTS, "/v1/contacts", "{\"givenName\":\"" + MARKER + "\",\"familyName\":\"Victim\","
                + "\"emails\":[{\"address\":\"zebulon2@victim.example\"}]}");
        String absorbed = create(Service.CONTACTS, "/v1/contacts", "{\"displayName\":\"" + MARKER + " Absorbed\"}");
        String merge = given().auth().oauth2(victim).contentType(ContentType.JSON).body("{\"absorb\":[\"" + absorbed + "\"]}")
                .post(stack.url(Service.CONTACTS) + "/v1/contacts/" + twin + "/merge").then().statusCode(200)
                .extract().path("mergeId");
        privateContact = create(Service.CONTACTS, "/v1/contacts", "{\"displayName\":\"" + MARKER + " Private\",\"visibility\":\"private\"}");
        String importJob = given().auth().oauth2(victim).contentType("text/vcard")
                .body("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:" + MARKER + " Imported\r\nEND:VCARD\r\n")
                .post(stack.url(Service.CONTACTS) + "/v1/imports").then().statusCode(202).extract().path("id");
        String tag = given().auth().oauth2(victim).get(stack.url(Service.CONTACTS) + "/v1/tags").then().statusCode(200)
                .extract().path("[0].id");
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(Service.INTERACTIONS, Service.REMINDERS).stream().allMatch(s ->
                given().auth().oauth2(victim).get(stack.url(s) + s.summaryPath(contact)).statusCode() == 200));

        String interaction = create(Service.INTERACTIONS, "/v1/interactions", "{\"kind\":\"meeting\",\"occurredAt\":\"2026-11-30T10:00:00Z\","
                + "\"participants\":[{\"contactId\":\"" + contact + "\"}],\"summary\":\"" + MARKER + " meeting\","
                + "\"followUp\":{\"due\":\"2026-12-07\",\"text\":\"" + MARKER + " follow-up\"}}");
        String calendarImport = given().auth().oauth2(victim).contentType("text/calendar")
                .body("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Victim//EN\r\nBEGIN:VEVENT\r\nUID:z1@victim\r\nDTSTAMP:20261130T100000Z\r\n"
                        + "DTSTART:20261130T100000Z\r\nDTEND:20261130T110000Z\r\nSUMMARY:" + MARKER + " call\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
                .post(stack.url(Service.INTERACTIONS) + "/v1/calendar-imports").then().statusCode(202).extract().path("id");
        String source = create(Service.INTERACTIONS, "/v1/calendar-sources",
                "{\"url\":\"https://93.184.215.14/" + MARKER + ".ics\",\"name\":\"" + MARKER + " calendar\"}");

        // What changes on its own (an import finishing, a subscription's first poll) settles before the state is read.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                !List.of("queued", "running").contains(given().auth().oauth2(victim)
                        .get(stack.url(Service.CONTACTS) + "/v1/imports/" + importJob).path("status"))
                        && !List.of("queued", "running").contains(given().auth().oauth2(victim)
                        .get(stack.url(Service.INTERACTIONS) + "/v1/calendar-imports/" + calendarImport).path("status"))
                        && given().auth().oauth2(victim).get(stack.url(Service.INTERACTIONS) + "/v1/calendar-sources/" + source)
                        .path("lastPolledAt") != null);

        String cadence = create(Service.REMINDERS, "/v1/cadences", "{\"contactId\":\"" + contact + "\",\"every\":\"P30D\"}");
        String reminder = create(Service.REMINDERS, "/v1/reminders", "{\"text\":\"" + MARKER + " reminder\",\"due\":\"2026-12-24\","
                + "\"contactId\":\"" + contact + "\"}");
        String feed = create(Service.REMINDERS, "/v1/calendar-feeds", "{\"name\":\"" + MARKER + " phone\"}");
        // An event type nothing here makes, so the webhook's state stays as it is while the test runs.
        String webhook = given().auth().oauth2(victim).contentType(ContentType.JSON)
                .body("{\"url\":\"http://localhost:9/hook\",\"description\":\"" + MARKER + " bot\","
                        + "\"eventTypes\":[\"dev.rapport.contact.merge-undone.v1\"]}")
                .post(stack.url(Service.REMINDERS) + "/v1/webhooks").then().statusCode(201).extract().path("webhook.id");

        for (String path : List.of("/v1/contacts/" + contact, "/v1/contacts/" + twin, "/v1/contacts/" + absorbed,
                "/v1/imports/" + importJob, "/v1/tags")) {
            stateUrls.put(path, Service.CONTACTS);
        }
        for (String path : List.of("/v1/interactions/" + interaction, "/v1/calendar-imports/" + calendarImport,
                "/v1/calendar-sources/" + source)) {
            stateUrls.put(path, Service.INTERACTIONS);
        }
        for (String path : List.of("/v1/cadences/" + cadence, "/v1/reminders/" + reminder, "/v1/calendar-feeds",
                "/v1/webhooks/" + webhook)) {
            stateUrls.put(path, Service.REMINDERS);
        }
        victimIds.put("/v1/contacts/", contact);
        victimIds.put("/v1/contact-directory/", contact);
        victimIds.put("/v1/twin/", twin);
        // A duplicate of the first contact (the same email), so the duplicate check has something to find.
        victimIds.put("/v1/duplicate/", create(Service.CONTACTS, "/v1/contacts", "{\"displayName\":\"" + MARKER + " Again\","
                + "\"emails\":[{\"address\":\"zebulon@victim.example\"}]}"));
        victimIds.put("/v1/merge-candidate/", create(Service.CONTACTS, "/v1/contacts", "{\"displayName\":\"" + MARKER + " Candidate\"}"));
        victimIds.put("/v1/imports/", importJob);
        victimIds.put("/v1/merges/", merge);
        victimIds.put("/v1/tags/", tag);
        victimIds.put("/v1/interactions/", interaction);
        victimIds.put("/v1/calendar-imports/", calendarImport);
        victimIds.put("/v1/calendar-sources/", source);
        victimIds.put("/v1/cadences/", cadence);
        victimIds.put("/v1/reminders/", reminder);
        victimIds.put("/v1/calendar-feeds/", feed);
        victimIds.put("/v1/webhooks/", webhook);
    }

    @Test
    void everyOperationTakingAnIdAnswersTheVictimsIdsAsIfTheyDidNotExist() throws Exception {
        Map<String, String> before = victimState();
        List<String> leaks = new ArrayList<>();
        int calls = 0;
        for (Service service : Service.values()) {
            JsonNode document = new ObjectMapper().readTree(Files.readString(
                    LauncherProcess.HOME.resolve(service.module).resolve("target/openapi/openapi.json")));
            for (var path : iterable(document.path("paths").fields())) {
                String template = path.getKey();
                if (!template.contains("{") || template.startsWith("/ical/")) {
                    continue; // the feed's secret token is its own authorisation, checked in reminders-service's tests
                }
                String prefix = victimIds.keySet().stream().filter(template::startsWith).findFirst()
                        .orElseThrow(() -> new AssertionError("no victim id for " + template + ": add one"));
                for (var operation : iterable(path.getValue().fields())) {
                    String method = operation.getKey();
                    if (!List.of("get", "post", "put", "patch", "delete").contains(method)) {
                        continue;
                    }
                    String foreign = template.replaceAll("\\{[^}]+}", victimIds.get(prefix));
                    String nowhere = template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                    String ifMatch = victimEtag(service, foreign);
                    Response onForeign = call(service, method, foreign, ifMatch);
                    Response onNowhere = call(service, method, nowhere, ifMatch);
                    calls++;
                    // 404 for both, with the same detail but for the id: the body and validator are ones the victim's own
                    // call would pass with, so what refuses the attacker is the id alone.
                    String nowhereId = nowhere.replaceAll(".*/([0-9a-f-]{36}).*", "$1");
                    String foreignId = victimIds.get(prefix);
                    if (onForeign.statusCode() != 404 || onNowhere.statusCode() != 404
                            || !onForeign.asString().replace(foreignId, "ID").equals(onNowhere.asString().replace(nowhereId, "ID"))
                            || onForeign.asString().contains(MARKER)) {
                        leaks.add(service.module + " " + method.toUpperCase() + " " + template + ": " + onForeign.statusCode()
                                + " for the victim's id, " + onNowhere.statusCode() + " for an id of nothing: "
                                + onForeign.asString().substring(0, Math.min(200, onForeign.asString().length())));
                    }
                }
            }
        }
        assertEquals(List.of(), leaks);
        assertTrue(calls >= 30, "every id-taking operation of the three services was tried: " + calls);
        assertEquals(before, victimState(), "nothing of the victim's changed");
    }

    @Test
    void listsSearchesExportsDuplicatesAndBackupsHoldNoneOfTheVictimsData() throws Exception {
        List<String> leaks = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        List<String> uncontrolled = new ArrayList<>();
        for (Service service : Service.values()) {
            JsonNode document = new ObjectMapper().readTree(Files.readString(
                    LauncherProcess.HOME.resolve(service.module).resolve("target/openapi/openapi.json")));
            for (var path : iterable(document.path("paths").fields())) {
                if (path.getKey().contains("{") || !path.getValue().has("get")) {
                    continue;
                }
                String url = stack.url(service) + path.getKey() + (path.getKey().endsWith("/export") ? "?format=json" : "");
                String join = url.contains("?") ? "&" : "?";
                for (String query : List.of("", join + "q=" + MARKER, join + "q=zebulon&tag=zebulon-tag&contact=" + victimIds.get("/v1/contacts/"))) {
                    Response response = given().auth().oauth2(attacker).get(url + query);
                    if (query.isEmpty() && response.statusCode() != 200) {
                        refused.add(service.module + " GET " + path.getKey() + ": " + response.statusCode());
                    }
                    if (containsVictimData(response.asString())) {
                        leaks.add(service.module + " GET " + path.getKey() + query + " (" + response.statusCode() + ")");
                    }
                }
                // The control: the victim's own call shows its data, so the attacker's could have shown a leak.
                if (!containsVictimData(given().auth().oauth2(victim).get(url).asString())) {
                    uncontrolled.add(service.module + " GET " + path.getKey());
                }
            }
        }
        assertEquals(List.of(), leaks);
        assertEquals(List.of(), refused, "every list answers the attacker, with its own workspace's data");
        // Lists of what the victim has none of in this setup (a day's agenda far from its dates, its settings).
        assertEquals(List.of(), uncontrolled.stream().filter(e -> !UNCONTROLLED.contains(e)).toList(),
                "the victim's own call of every other list shows its data");
    }

    /** Lists the victim's setup holds nothing of: the attacker's answer is checked, but no control shows a leak could show. */
    private static final List<String> UNCONTROLLED = List.of("contacts-service GET /v1/settings",
            "reminders-service GET /v1/reminder-settings");

    /** What the attacker sent may come back in a problem's detail: only what it did not send is a leak. */
    private static boolean containsVictimData(String body) {
        String rest = body.replace(victimIds.get("/v1/contacts/"), "").replace("zebulon-tag", "");
        return rest.toLowerCase().contains(MARKER.toLowerCase()) || victimIds.values().stream().anyMatch(rest::contains);
    }

    @Test
    void aColleagueSeesNoneOfAnotherUsersPrivateContact() {
        for (Service service : Service.values()) {
            String path = service == Service.CONTACTS ? "/v1/contacts/" + privateContact : service.summaryPath(privateContact);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    given().auth().oauth2(victim).get(stack.url(service) + path).statusCode() == 200);
            given().auth().oauth2(colleague).get(stack.url(service) + path).then().statusCode(404);
        }
        for (String list : List.of("/v1/contacts?q=" + MARKER, "/v1/contacts/export?format=json", "/v1/contacts/duplicates")) {
            String body = given().auth().oauth2(colleague).get(stack.url(Service.CONTACTS) + list).asString();
            assertTrue(!body.contains(privateContact) && !body.contains(MARKER + " Private"), list + " hides the private contact");
        }
        given().auth().oauth2(colleague).contentType(ContentType.JSON)
                .body("{\"contactId\":\"" + privateContact + "\",\"every\":\"P7D\"}")
                .post(stack.url(Service.REMINDERS) + "/v1/cadences").then().statusCode(422);
    }

    @Test
    void theVictimsIdsInsideBodiesAreRefusedAsUnknownAndChangeNothing() {
        Map<String, String> before = victimState();
        String contact = victimIds.get("/v1/contacts/");
        String mine = createAs(attacker, Service.CONTACTS, "/v1/contacts", "{\"displayName\":\"Mallory's own\"}");
        String myOther = createAs(attacker, Service.CONTACTS, "/v1/contacts", "{\"displayName\":\"Mallory's other\"}");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(attacker)
                .get(stack.url(Service.INTERACTIONS) + Service.INTERACTIONS.summaryPath(mine)).statusCode() == 200);
        String myInteraction = createAs(attacker, Service.INTERACTIONS, "/v1/interactions", "{\"kind\":\"call\","
                + "\"occurredAt\":\"2026-11-30T10:00:00Z\",\"participants\":[{\"contactId\":\"" + mine + "\"}]}");
        String myReminder = createAs(attacker, Service.REMINDERS, "/v1/reminders", "{\"text\":\"call\",\"due\":\"2026-12-24\"}");

        Map<String, Integer> statuses = new LinkedHashMap<>();
        statuses.put("merge the victim's contact into mine", attackerPost(Service.CONTACTS, "/v1/contacts/" + mine + "/merge",
                "{\"absorb\":[\"" + contact + "\"]}"));
        statuses.put("take a field from the victim's contact", attackerPost(Service.CONTACTS, "/v1/contacts/" + mine + "/merge",
                "{\"absorb\":[\"" + myOther + "\"],\"choose\":{\"givenName\":\"" + contact + "\"}}"));
        statuses.put("log an interaction with the victim's contact", attackerPost(Service.INTERACTIONS, "/v1/interactions",
                "{\"kind\":\"call\",\"occurredAt\":\"2026-11-30T10:00:00Z\",\"participants\":[{\"contactId\":\"" + contact + "\"}]}"));
        statuses.put("add the victim's contact to my interaction", attackerPatch(Service.INTERACTIONS,
                "/v1/interactions/" + myInteraction, "{\"participants\":[{\"contactId\":\"" + contact + "\"}]}"));
        statuses.put("a cadence for the victim's contact", attackerPost(Service.REMINDERS, "/v1/cadences",
                "{\"contactId\":\"" + contact + "\",\"every\":\"P7D\"}"));
        statuses.put("a reminder about the victim's contact", attackerPost(Service.REMINDERS, "/v1/reminders",
                "{\"text\":\"x\",\"due\":\"2026-12-24\",\"contactId\":\"" + contact + "\"}"));
        statuses.put("point my reminder at the victim's contact", attackerPatch(Service.REMINDERS, "/v1/reminders/" + myReminder,
                "{\"contactId\":\"" + contact + "\"}"));
        statuses.forEach((what, status) -> assertEquals(422, status, what + " is refused as an unknown contact"));
        // The same calls with an id of nothing are refused alike, so the answer confirms nothing.
        assertEquals(422, attackerPost(Service.CONTACTS, "/v1/contacts/" + mine + "/merge",
                "{\"absorb\":[\"" + UUID.randomUUID() + "\"]}"));

        assertEquals(before, victimState(), "nothing of the victim's changed");
        given().auth().oauth2(victim).get(stack.url(Service.INTERACTIONS) + "/v1/contacts/" + contact + "/timeline")
                .then().statusCode(200).body("items.createdBy", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("mallory")));
        given().auth().oauth2(victim).get(stack.url(Service.REMINDERS) + "/v1/contacts/" + contact + "/reminders")
                .then().statusCode(200).body("items.ownerId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("mallory")));
    }

    @Test
    void aColleagueSeesNoneOfAnotherUsersPrivateInteractions() {
        String contact = victimIds.get("/v1/contacts/");
        // Later than the shared meeting (30 November): were it counted anywhere a colleague looks, it would show.
        String secret = create(Service.INTERACTIONS, "/v1/interactions", "{\"kind\":\"call\",\"occurredAt\":\"2026-12-01T20:00:00Z\","
                + "\"participants\":[{\"contactId\":\"" + contact + "\"}],\"summary\":\"" + MARKER + " private call\","
                + "\"feedback\":\"" + MARKER + " liked the draft\",\"visibility\":\"private\","
                + "\"followUp\":{\"due\":\"2026-12-20\",\"text\":\"" + MARKER + " secret promise\"}}");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(victim)
                .get(stack.url(Service.INTERACTIONS) + Service.INTERACTIONS.summaryPath(privateContact)).statusCode() == 200);
        String withPrivateContact = create(Service.INTERACTIONS, "/v1/interactions", "{\"kind\":\"meeting\","
                + "\"occurredAt\":\"2026-11-28T10:00:00Z\",\"participants\":[{\"contactId\":\"" + privateContact + "\"}],"
                + "\"summary\":\"" + MARKER + " with a private contact\"}");
        String interactions = stack.url(Service.INTERACTIONS);
        for (String id : List.of(secret, withPrivateContact)) {
            given().auth().oauth2(victim).get(interactions + "/v1/interactions/" + id).then().statusCode(200);
            given().auth().oauth2(colleague).get(interactions + "/v1/interactions/" + id).then().statusCode(404);
            given().auth().oauth2(colleague).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                    .body("{\"summary\":\"edited\"}").patch(interactions + "/v1/interactions/" + id).then().statusCode(404);
            given().auth().oauth2(colleague).header("If-Match", "\"0\"").delete(interactions + "/v1/interactions/" + id)
                    .then().statusCode(404);
            given().auth().oauth2(victim).get(interactions + "/v1/interactions/" + id).then().statusCode(200)
                    .body("summary", org.hamcrest.Matchers.startsWith(MARKER));
        }
        for (String list : List.of("/v1/interactions", "/v1/interactions?q=" + MARKER, "/v1/interactions?contact=" + contact,
                "/v1/contacts/" + contact + "/timeline", "/v1/interactions?hasFollowUp=false", "/v1/interactions/stats")) {
            Response seen = given().auth().oauth2(colleague).get(interactions + list);
            assertEquals(200, seen.statusCode(), list);
            assertTrue(!seen.asString().contains(secret) && !seen.asString().contains(withPrivateContact)
                    && !seen.asString().contains("private call") && !seen.asString().contains("with a private contact"),
                    list + " hides another user's private interactions: " + seen.asString());
        }
        // The victim's own list shows both, so the check above can see a leak.
        String own = given().auth().oauth2(victim).get(interactions + "/v1/interactions?q=" + MARKER).asString();
        assertTrue(own.contains(secret) && own.contains(withPrivateContact), own);
        // Counts and days derived from interactions: the contact's stats, and its keep-in-touch day (a reminder the
        // whole workspace shares), say nothing of the private call.
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(victim)
                .get(interactions + "/v1/contacts/" + contact + "/stats").asString().contains("2026-12-01"));
        given().auth().oauth2(colleague).get(interactions + "/v1/contacts/" + contact + "/stats").then().statusCode(200)
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("2026-12-01")));
        String reminders = stack.url(Service.REMINDERS);
        // Its follow-up is its author's reminder, made from the same event in the same transaction as any touch.
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(victim)
                .get(reminders + "/v1/contacts/" + contact + "/reminders").asString().contains("secret promise"));
        assertTrue(!given().auth().oauth2(colleague).get(reminders + "/v1/contacts/" + contact + "/reminders").asString()
                .contains("secret promise"), "the private interaction's follow-up is its author's alone");
        for (String token : List.of(victim, colleague)) {
            given().auth().oauth2(token).get(reminders + "/v1/contacts/" + contact + "/reminders").then().statusCode(200)
                    .body("items.findAll { it.kind == 'keep-in-touch' }.lastInteractionOn", org.hamcrest.Matchers.equalTo(List.of("2026-11-30")));
            given().auth().oauth2(token).get(reminders + "/v1/agenda?date=2026-12-02&days=60").then().statusCode(200)
                    .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("\"2026-12-01\"")));
        }
    }

    @Test
    void craftedEventsFromAnotherWorkspaceOrNoneChangeNothingOfTheVictims() throws Exception {
        String contact = victimIds.get("/v1/contacts/");
        String bootstrap = stack.infrastructure().kafka().bootstrapServers();
        String deleted = "{\"contactId\":\"" + contact + "\",\"deletedAt\":\"2026-12-01T00:00:00Z\",\"version\":99}";
        TestEvents.sendCloudEvent(bootstrap, ContactEventTypes.TOPIC, "attacker-co", UUID.randomUUID().toString(),
                ContactEventTypes.DELETED_V1, "/rapport/contacts-service", contact, deleted);
        TestEvents.sendCloudEventWithoutWorkspace(bootstrap, ContactEventTypes.TOPIC, UUID.randomUUID().toString(),
                ContactEventTypes.DELETED_V1, "/rapport/contacts-service", contact, deleted);
        // An interaction with the victim's contact, said to be the attacker's or nobody's: it must not move the victim's
        // keep-in-touch date. A completed reminder asking for the victim's contact's interaction to be logged: it must
        // not appear in the victim's timeline.
        String interaction = UUID.randomUUID().toString();
        String logged = "{\"interactionId\":\"" + interaction + "\",\"kind\":\"meeting\",\"occurredAt\":\"2026-12-01T09:00:00Z\","
                + "\"timeZone\":\"UTC\",\"initiatedBy\":\"me\",\"participants\":[\"" + contact + "\"],\"visibility\":\"workspace\","
                + "\"createdBy\":\"mallory\",\"source\":\"manual\",\"version\":0,\"createdAt\":\"2026-12-01T09:00:00Z\","
                + "\"updatedAt\":\"2026-12-01T09:00:00Z\"}";
        TestEvents.sendCloudEvent(bootstrap, InteractionEventTypes.TOPIC, "attacker-co", UUID.randomUUID().toString(),
                InteractionEventTypes.LOGGED_V1, InteractionEventTypes.SOURCE, interaction, logged);
        TestEvents.sendCloudEventWithoutWorkspace(bootstrap, InteractionEventTypes.TOPIC, UUID.randomUUID().toString(),
                InteractionEventTypes.LOGGED_V1, InteractionEventTypes.SOURCE, interaction, logged);
        String reminder = UUID.randomUUID().toString();
        String completed = "{\"reminderId\":\"" + reminder + "\",\"kind\":\"one-off\",\"contactId\":\"" + contact + "\","
                + "\"ownerId\":\"mallory\",\"text\":\"x\",\"due\":\"2026-12-01\",\"status\":\"completed\","
                + "\"completedAt\":\"2026-12-01T10:00:00Z\",\"logInteraction\":{\"interactionId\":\"" + UUID.randomUUID() + "\","
                + "\"kind\":\"call\",\"occurredAt\":\"2026-12-01T09:30:00Z\",\"timeZone\":\"UTC\",\"summary\":\"forged\","
                + "\"initiatedBy\":\"me\",\"participants\":[\"" + contact + "\"],\"createdBy\":\"mallory\"},"
                + "\"version\":1,\"updatedAt\":\"2026-12-01T10:00:00Z\"}";
        TestEvents.sendCloudEvent(bootstrap, ReminderEventTypes.TOPIC, "attacker-co", UUID.randomUUID().toString(),
                ReminderEventTypes.COMPLETED_V1, ReminderEventTypes.SOURCE, reminder, completed);
        TestEvents.sendCloudEventWithoutWorkspace(bootstrap, ReminderEventTypes.TOPIC, UUID.randomUUID().toString(),
                ReminderEventTypes.COMPLETED_V1, ReminderEventTypes.SOURCE, reminder, completed);
        // The events without a workspace are dead-lettered by every consumer of their topic: then they were handled.
        awaitDeadLettered(bootstrap, ContactEventTypes.TOPIC, contact, 2);
        awaitDeadLettered(bootstrap, InteractionEventTypes.TOPIC, interaction, 1);
        awaitDeadLettered(bootstrap, ReminderEventTypes.TOPIC, reminder, 1);
        // A marker event after them: once it is applied, the crafted ones before it on its partition were too.
        String later = create(Service.CONTACTS, "/v1/contacts", "{\"displayName\":\"After the crafted events\"}");
        for (Service consumer : List.of(Service.INTERACTIONS, Service.REMINDERS)) {
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    given().auth().oauth2(victim).get(stack.url(consumer) + consumer.summaryPath(later)).statusCode() == 200);
            given().auth().oauth2(victim).get(stack.url(consumer) + consumer.summaryPath(contact)).then().statusCode(200);
            given().auth().oauth2(attacker).get(stack.url(consumer) + consumer.summaryPath(contact)).then().statusCode(404);
        }
        given().auth().oauth2(victim).get(stack.url(Service.INTERACTIONS) + "/v1/contacts/" + contact + "/timeline")
                .then().statusCode(200).body("items.summary", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("forged")));
        given().auth().oauth2(victim).get(stack.url(Service.REMINDERS) + "/v1/contacts/" + contact + "/reminders")
                .then().statusCode(200).body("items.findAll { it.kind == 'keep-in-touch' }.size()", org.hamcrest.Matchers.equalTo(1))
                .body("items.lastInteractionOn", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("2026-12-01")));
    }

    /** Waits until {@code consumers} records keyed {@code key} are on the topic's dead-letter topic. */
    private static void awaitDeadLettered(String bootstrap, String topic, String key, int consumers) {
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        TestEvents.awaitRecord(bootstrap, topic + ".dlq", record -> key.equals(record.key()) && seen.incrementAndGet() >= consumers,
                consumers + " dead-lettered records keyed " + key, Duration.ofSeconds(60));
    }

    /** The victim's resources as the victim reads them: their ETags, or their bodies where there is none. */
    private static Map<String, String> victimState() {
        Map<String, String> state = new LinkedHashMap<>();
        for (var url : stateUrls.entrySet()) {
            Response response = given().auth().oauth2(victim).redirects().follow(false).get(stack.url(url.getValue()) + url.getKey());
            String etag = response.header("ETag");
            state.put(url.getKey(), response.statusCode() + " " + (etag != null ? etag
                    : response.asString().replaceAll("\"(lastPolledAt|nextPollAt|lastUsedAt)\":\"[^\"]*\"", "")));
        }
        return state;
    }

    /**
     * The attacker's call: a body and an {@code If-Match} the victim's own call would be accepted with, so only the id
     * is wrong.
     */
    private static Response call(Service service, String method, String path, String ifMatch) {
        RequestSpecification request = given().auth().oauth2(attacker).redirects().follow(false).header("If-Match", ifMatch);
        String url = stack.url(service) + path;
        return switch (method) {
            case "get" -> request.get(url);
            case "delete" -> request.delete(url);
            case "patch" -> request.contentType("application/merge-patch+json").body(path.startsWith("/v1/cadences/")
                    ? "{\"every\":\"P14D\"}" : path.startsWith("/v1/interactions/") ? "{\"summary\":\"pwned\"}"
                    : path.startsWith("/v1/reminders/") ? "{\"text\":\"pwned\"}"
                    : path.startsWith("/v1/tags/") ? "{\"name\":\"pwned\"}" : "{\"note\":\"pwned\"}").patch(url);
            case "put" -> request.contentType(ContentType.JSON).body("{}").put(url);
            default -> request.contentType(ContentType.JSON).body(path.endsWith("/merge")
                    ? "{\"absorb\":[\"" + victimIds.get("/v1/merge-candidate/") + "\"]}"
                    : path.endsWith("/snooze") ? "{\"until\":\"2027-01-01\"}" : "{}").post(url);
        };
    }

    /** The victim's current ETag of the resource at {@code path} (or of the resource it acts on), else version 0's. */
    private static String victimEtag(Service service, String path) {
        String resource = path.replaceAll("/(merge|snooze|complete|dismiss|poll|undo|timeline|stats|summary|reminders|history)$", "");
        String etag = given().auth().oauth2(victim).get(stack.url(service) + resource).header("ETag");
        return etag != null ? etag : "\"0\"";
    }

    /** The attacker's POST of a JSON body: its status. */
    private static int attackerPost(Service service, String path, String body) {
        return given().auth().oauth2(attacker).contentType(ContentType.JSON).body(body).post(stack.url(service) + path).statusCode();
    }

    /** The attacker's merge patch of a resource at version 0 (as its own are): its status. */
    private static int attackerPatch(Service service, String path, String body) {
        return given().auth().oauth2(attacker).contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body(body).patch(stack.url(service) + path).statusCode();
    }

    private static String create(Service service, String path, String body) {
        return createAs(victim, service, path, body);
    }

    private static String createAs(String token, Service service, String path, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post(stack.url(service) + path)
                .then().statusCode(201).extract().path("id");
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
