package dev.rapport.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.local.LocalStack;
import dev.rapport.local.LocalStack.Service;
import dev.rapport.local.Tokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzing from the contract: for every service, requests made from its own OpenAPI document and broken on purpose
 * (RequestFuzzer). Whatever a client sends, the answer is never a 5xx, never a hang, and every error is a problem
 * document with a {@code type}. 1,000 requests per service here, 10,000 in the long run ({@code deploy/e2e/long-run},
 * README: reliability). A failure prints the seed and the request: replay it with
 * {@code -Drapport.fuzz.seed=<seed>}, and add the seed to {@link #REGRESSION_SEEDS} once fixed.
 */
@org.junit.jupiter.api.Order(3)
class ContractFuzzIT {

    /**
     * Seeds that once found a failure, with how many requests reach it: they run on every build, before the random
     * one. A seed replays its requests only while the service's OpenAPI document keeps its operations; each failure
     * also has a test of its own that does not depend on that (named here).
     */
    static final Map<Service, Map<Long, Integer>> REGRESSION_SEEDS = Map.of(
            // #377: a multipart body with an empty boundary answered 500 (OddInputTest, aFormWithoutABoundary...)
            Service.CONTACTS, Map.of(38998306214338L, 378),
            // #224: the same, on calendar imports
            Service.INTERACTIONS, Map.of(39002070888471L, 225));

    /** 1,000 per service in the build; 10,000 in the long run (deploy/e2e/long-run sets rapport.long). */
    private static final int REQUESTS = Integer.getInteger("rapport.fuzz.requests", Boolean.getBoolean("rapport.long") ? 10_000 : 1_000);
    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(20);
    /** quarkus.http.limits.max-initial-line-length, as the kit sets it. */
    private static final int MAX_REQUEST_LINE = 16384;

    private static LocalStack stack;
    private static String token;
    private static final Map<Service, List<String>> knownIds = new EnumMap<>(Service.class);
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startStackWithSomethingToFind() throws Exception {
        stack = SharedStack.get();
        token = Tokens.sign(Tokens.Spec.of("fuzz", "fuzz-user", "member", "admin"), stack.keys().privateKey());
        // Real ids, so fuzzed requests also reach the code behind a successful lookup.
        String contact = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"givenName\":\"Grace\",\"familyName\":\"Hopper\",\"tags\":[\"mentor\"]}")
                .post(stack.url(Service.CONTACTS) + "/v1/contacts").then().statusCode(201).extract().path("id");
        knownIds.put(Service.CONTACTS, List.of(contact));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token)
                .get(stack.url(Service.INTERACTIONS) + Service.INTERACTIONS.summaryPath(contact)).statusCode() == 200
                && given().auth().oauth2(token).get(stack.url(Service.REMINDERS) + Service.REMINDERS.summaryPath(contact))
                .statusCode() == 200);
        String interaction = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"kind\":\"call\",\"occurredAt\":\"2026-11-30T10:00:00Z\",\"participants\":[{\"contactId\":\"" + contact + "\"}],"
                        + "\"summary\":\"Compilers\",\"followUp\":{\"due\":\"2026-12-07\",\"text\":\"Send notes\"}}")
                .post(stack.url(Service.INTERACTIONS) + "/v1/interactions").then().statusCode(201).extract().path("id");
        knownIds.put(Service.INTERACTIONS, List.of(contact, interaction));
        String cadence = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"contactId\":\"" + contact + "\",\"every\":\"P30D\"}")
                .post(stack.url(Service.REMINDERS) + "/v1/cadences").then().statusCode(201).extract().path("id");
        String reminder = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"due\":\"2026-12-24\",\"text\":\"Call Grace\",\"contactId\":\"" + contact + "\"}")
                .post(stack.url(Service.REMINDERS) + "/v1/reminders").then().statusCode(201).extract().path("id");
        knownIds.put(Service.REMINDERS, List.of(contact, cadence, reminder));
    }

    @Test
    void contactsServiceAnswersEveryMalformedRequestWithAProblem() throws Exception {
        fuzz(Service.CONTACTS);
    }

    @Test
    void interactionsServiceAnswersEveryMalformedRequestWithAProblem() throws Exception {
        fuzz(Service.INTERACTIONS);
    }

    @Test
    void remindersServiceAnswersEveryMalformedRequestWithAProblem() throws Exception {
        fuzz(Service.REMINDERS);
    }

    private static void fuzz(Service service) throws Exception {
        JsonNode document = new ObjectMapper().readTree(
                Files.readString(LauncherProcess.HOME.resolve(service.module).resolve("target/openapi/openapi.json")));
        Map<Long, Integer> seeds = new java.util.LinkedHashMap<>(REGRESSION_SEEDS.getOrDefault(service, Map.of()));
        long seed = Long.getLong("rapport.fuzz.seed", System.nanoTime());
        seeds.put(seed, REQUESTS);
        List<String> failures = new ArrayList<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        for (long each : seeds.keySet()) {
            RequestFuzzer fuzzer = new RequestFuzzer(document, each, knownIds.get(service));
            int requests = seeds.get(each);
            for (int i = 0; i < requests && failures.size() < 20; i++) {
                RequestFuzzer.FuzzRequest request = fuzzer.next();
                String failure = send(service, request, statuses);
                if (failure != null) {
                    failures.add("seed " + each + " #" + i + " " + request.operation() + ": " + failure + "\n    " + request.describe());
                }
            }
        }
        System.out.printf("%s: %d requests (seed %d), answers by status %s%n", service.module, REQUESTS, seed, statuses);
        assertEquals(List.of(), failures, service.module + " answered malformed requests badly (replay: -Drapport.fuzz.seed=" + seed + ")");
        assertTrue(statuses.keySet().stream().anyMatch(status -> status < 300),
                "some fuzzed requests were valid enough to succeed, so the fuzzer reaches past validation");
    }

    /**
     * The server closes a connection after refusing an over-long request line; the client may not have noticed when
     * it picks that connection for the next request, so a request that finds its connection closed is sent once more.
     */
    private static HttpResponse<String> sendOnce(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException hang) {
            throw hang;
        } catch (IOException closedUnderUs) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    /** Sends one request; null when its answer is acceptable, else what is wrong with it. */
    private static String send(Service service, RequestFuzzer.FuzzRequest request, Map<Integer, Integer> statuses)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(stack.url(service) + request.pathAndQuery())).timeout(ANSWER_WITHIN);
        } catch (IllegalArgumentException notAUri) {
            return null; // no client could send it either
        }
        builder.header("Authorization", "Bearer " + token);
        for (var header : request.headers().entrySet()) {
            try {
                builder.header(header.getKey(), header.getValue());
            } catch (IllegalArgumentException restricted) {
                // A header the JDK client refuses to send is not a request a server can receive from it.
            }
        }
        builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        HttpResponse<String> response;
        try {
            response = sendOnce(builder.build());
        } catch (HttpTimeoutException hang) {
            return "no answer within " + ANSWER_WITHIN.toSeconds() + " s";
        } catch (IOException closed) {
            return "the connection closed without an answer (" + closed.getMessage() + ")";
        }
        int status = response.statusCode();
        statuses.merge(status, 1, Integer::sum);
        int requestLine = request.method().length() + 1 + request.pathAndQuery().length() + " HTTP/1.1".length();
        if (status == 414 && requestLine > MAX_REQUEST_LINE) {
            return null; // refused by the HTTP codec, before any handler (the README says so)
        }
        if (status >= 500) {
            return status + " " + response.body().substring(0, Math.min(300, response.body().length()));
        }
        if (status >= 400) {
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith("application/problem+json")) {
                return status + " with Content-Type '" + type + "', not a problem document";
            }
            JsonNode problem = new ObjectMapper().readTree(response.body());
            if (!problem.path("type").isTextual() || problem.path("status").asInt() != status) {
                return status + " problem without a type or with another status: " + response.body();
            }
            if (response.body().contains("\tat ") || response.body().contains("Exception")) {
                return status + " problem shows internals: " + response.body();
            }
        }
        return null;
    }
}
