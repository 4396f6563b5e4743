package dev.rapport.e2e;

import dev.rapport.local.LocalStack;
import dev.rapport.local.LocalStack.Service;
import dev.rapport.local.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fifty clients at the same instant, on the packaged services: one `If-Match` lets exactly one of fifty PATCHes
 * through in every service, one `Idempotency-Key` makes one resource of fifty POSTs, and merges racing over
 * overlapping contacts lose no contact and absorb none twice.
 */
@org.junit.jupiter.api.Order(1)
class ConcurrencyIT {

    private static final int CLIENTS = 50;

    private static LocalStack stack;
    private static String token;
    private static String contact;

    @BeforeAll
    static void aContactEveryServiceKnows() {
        stack = SharedStack.get();
        token = Tokens.sign(Tokens.Spec.of("concurrency", "racer", "member"), stack.keys().privateKey());
        contact = post(Service.CONTACTS, "/v1/contacts", "{\"displayName\":\"Mary Jackson\"}", null).path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> List.of(Service.INTERACTIONS, Service.REMINDERS).stream()
                .allMatch(s -> given().auth().oauth2(token).get(stack.url(s) + s.summaryPath(contact))
                        .statusCode() == 200));
    }

    @Test
    void ofFiftyPatchesWithOneIfMatchExactlyOneWinsInEveryService() throws Exception {
        String interaction = post(Service.INTERACTIONS, "/v1/interactions", "{\"kind\":\"call\",\"occurredAt\":\"2026-11-30T10:00:00Z\","
                + "\"participants\":[{\"contactId\":\"" + contact + "\"}],\"summary\":\"Wind tunnel\"}", null).path("id");
        String reminder = post(Service.REMINDERS, "/v1/reminders", "{\"text\":\"Ask about the wind tunnel\",\"due\":\"2026-12-24\"}", null).path("id");
        Map<Service, String> resources = Map.of(
                Service.CONTACTS, "/v1/contacts/" + contact,
                Service.INTERACTIONS, "/v1/interactions/" + interaction,
                Service.REMINDERS, "/v1/reminders/" + reminder);
        Map<Service, String> field = Map.of(Service.CONTACTS, "note", Service.INTERACTIONS, "summary", Service.REMINDERS, "text");
        for (var resource : resources.entrySet()) {
            Service service = resource.getKey();
            String url = stack.url(service) + resource.getValue();
            String etag = given().auth().oauth2(token).get(url).then().statusCode(200).extract().header("ETag");
            List<Integer> statuses = race(i -> () -> given().auth().oauth2(token).contentType("application/merge-patch+json")
                    .header("If-Match", etag).body("{\"" + field.get(service) + "\":\"racer " + i + "\"}")
                    .patch(url).statusCode());
            assertEquals(1, statuses.stream().filter(s -> s == 200).count(), service.module + ": " + statuses);
            assertEquals(CLIENTS - 1, statuses.stream().filter(s -> s == 412).count(), service.module + ": " + statuses);
            String winner = given().auth().oauth2(token).get(url).then().statusCode(200).extract().path(field.get(service));
            assertTrue(winner.startsWith("racer "), service.module + " kept one racer's value: " + winner);
            assertTrue(!given().auth().oauth2(token).get(url).header("ETag").equals(etag), "the version moved once");
        }
    }

    @Test
    void fiftyPostsWithOneIdempotencyKeyMakeOneResourceInEveryService() throws Exception {
        Map<Service, String[]> creations = Map.of(
                Service.CONTACTS, new String[] {"/v1/contacts", "{\"displayName\":\"Idempotent Dorothy\"}"},
                Service.INTERACTIONS, new String[] {"/v1/interactions", "{\"kind\":\"note\",\"occurredAt\":\"2026-11-29T09:00:00Z\","
                        + "\"participants\":[{\"contactId\":\"" + contact + "\"}],\"summary\":\"Idempotent note\"}"},
                Service.REMINDERS, new String[] {"/v1/reminders", "{\"text\":\"Idempotent reminder\",\"due\":\"2026-12-31\"}"});
        for (var creation : creations.entrySet()) {
            Service service = creation.getKey();
            String key = UUID.randomUUID().toString();
            List<ExtractableResponse<Response>> responses = race(i -> () -> given().auth().oauth2(token).contentType(ContentType.JSON)
                    .header("Idempotency-Key", key).body(creation.getValue()[1])
                    .post(stack.url(service) + creation.getValue()[0]).then().extract());
            Set<String> ids = new HashSet<>();
            List<Integer> statuses = new ArrayList<>();
            for (ExtractableResponse<Response> response : responses) {
                statuses.add(response.statusCode());
                if (response.statusCode() == 201) {
                    ids.add(response.path("id"));
                }
            }
            assertEquals(List.of(), statuses.stream().filter(s -> s != 201).toList(), service.module + ": every retry answers as the first");
            assertEquals(1, ids.size(), service.module + ": one resource, " + ids);
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertEquals(1, (int) given().auth().oauth2(token).get(stack.url(Service.CONTACTS) + "/v1/contacts?q=Idempotent Dorothy")
                    .then().extract().path("items.size()"));
            assertEquals(1, (int) given().auth().oauth2(token).get(stack.url(Service.INTERACTIONS) + "/v1/interactions?q=Idempotent note")
                    .then().extract().path("items.size()"));
        });
    }

    @Test
    void mergesRacingOverOverlappingContactsLoseNoneAndAbsorbNoneTwice() throws Exception {
        String workspaceToken = Tokens.sign(Tokens.Spec.of("concurrency-merge", "merger", "member"), stack.keys().privateKey());
        List<String> ids = new ArrayList<>();
        Map<String, String> emailOf = new HashMap<>();
        for (int i = 0; i < 8; i++) {
            String email = "pioneer" + i + "@example.org";
            String id = given().auth().oauth2(workspaceToken).contentType(ContentType.JSON)
                    .body("{\"displayName\":\"Pioneer " + i + "\",\"emails\":[{\"address\":\"" + email + "\"}]}")
                    .post(stack.url(Service.CONTACTS) + "/v1/contacts").then().statusCode(201).extract().path("id");
            ids.add(id);
            emailOf.put(id, email);
        }
        Random random = new Random(7);
        List<String[]> merges = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            String survivor = ids.get(random.nextInt(ids.size()));
            String absorbed = ids.get(random.nextInt(ids.size()));
            String also = ids.get(random.nextInt(ids.size()));
            merges.add(new String[] {survivor, absorbed, also});
        }
        List<Integer> statuses = race(i -> () -> {
            String[] merge = merges.get(i);
            return given().auth().oauth2(workspaceToken).contentType(ContentType.JSON)
                    .body("{\"absorb\":[\"" + merge[1] + "\",\"" + merge[2] + "\"]}")
                    .post(stack.url(Service.CONTACTS) + "/v1/contacts/" + merge[0] + "/merge").statusCode();
        });
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409 || s == 422 || s == 412),
                "a merge either happens or is refused as a conflict: " + statuses);
        assertTrue(statuses.contains(200), "some merges happened: " + statuses);

        Map<String, String> survivorOf = new HashMap<>();
        Set<String> alive = new HashSet<>();
        for (String id : ids) {
            Response response = given().auth().oauth2(workspaceToken).redirects().follow(false)
                    .get(stack.url(Service.CONTACTS) + "/v1/contacts/" + id);
            if (response.statusCode() == 200) {
                alive.add(id);
            } else {
                assertEquals(308, response.statusCode(), id + " is either alive or absorbed");
                survivorOf.put(id, response.jsonPath().getString("mergedInto"));
            }
        }
        for (var absorbed : survivorOf.entrySet()) {
            assertTrue(alive.contains(absorbed.getValue()),
                    absorbed.getKey() + " points at a survivor that is alive, not at another absorbed contact: " + absorbed.getValue());
        }
        Map<String, String> holderOf = new HashMap<>();
        for (String id : alive) {
            List<String> emails = given().auth().oauth2(workspaceToken).get(stack.url(Service.CONTACTS) + "/v1/contacts/" + id)
                    .then().statusCode(200).extract().path("emails.address");
            for (String email : emails) {
                String before = holderOf.put(email, id);
                assertEquals(null, before, email + " is on one contact, not on " + before + " and " + id);
            }
        }
        assertEquals(new HashSet<>(emailOf.values()), holderOf.keySet(), "no contact's email was lost");
        for (var absorbed : survivorOf.entrySet()) {
            assertEquals(absorbed.getValue(), holderOf.get(emailOf.get(absorbed.getKey())),
                    "an absorbed contact's email is on the survivor it points at");
        }
    }

    /** Runs CLIENTS calls released at one instant, each on its own thread; their results in order. */
    private static <T> List<T> race(IntFunction<Callable<T>> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                Callable<T> each = call.apply(i);
                futures.add(threads.submit(() -> {
                    start.await();
                    return each.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    private static ExtractableResponse<Response> post(Service service, String path, String body, String key) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post(stack.url(service) + path).then().statusCode(201).extract();
    }
}
