package dev.rapport.e2e;

import dev.rapport.events.ContactEventTypes;
import dev.rapport.events.InteractionEventTypes;
import dev.rapport.events.ReminderEventTypes;
import dev.rapport.local.LocalPostgres;
import dev.rapport.local.LocalStack;
import dev.rapport.local.LocalStack.Service;
import dev.rapport.local.Tokens;
import io.restassured.path.json.JsonPath;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 17's "PostgreSQL restart under load", fast version. While a writer, a reader and a readiness prober per
 * service keep calling all three services, PostgreSQL is stopped (its fast shutdown, as a pod's SIGTERM or
 * a failover does), kept down {@link #OUTAGE}, and started again on the same port and data directory. Then:
 * <ul>
 *     <li>every request answers within {@link #ANSWER_BOUND}: a 2xx, or a 503 {@code application/problem+json} of
 *     type {@code unavailable} without a stack trace; never a 500, never a dropped connection;</li>
 *     <li>readiness is UP before, DOWN for the whole outage, UP again within {@link #RECOVERY_BOUND};</li>
 *     <li>each service serves writes again within {@link #RECOVERY_BOUND} of the database being back, and
 *     everything after that succeeds;</li>
 *     <li>nothing acknowledged is lost: each resource that got a 2xx is stored and readable as written; each refused
 *     write, retried with its Idempotency-Key, gets a 201, and then each service holds exactly one resource per key
 *     (a refused write stored nothing, unless its commit raced the stop, and then the retry replays it); every event
 *     is published, once per resource, and the consumers applied each exactly once.</li>
 * </ul>
 * Every measured bound is printed.
 */
@org.junit.jupiter.api.Order(5)
class DatabaseRestartIT {

    /** How long PostgreSQL stays down. */
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    /**
     * The longest any request may take, during the outage included. A database that is down is known at once
     * (connection refused, sessions ended by the server's shutdown); the longest a service may wait before saying so
     * is its pool's acquisition timeout (Agroal's 5 s in Quarkus). Twice that leaves room for a slow machine and is
     * still well under what clients and gateways wait (30 s and more): "fail fast" means a client gets its 503 and
     * can retry or tell its user, not that it times out.
     */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(10);
    /** Beyond this the client gives up: an answer that late counts as a hang (and fails {@link #ANSWER_BOUND} too). */
    private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);
    /** Issue 17: serving writes (and ready) again within this of the database being back. */
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(5);
    /** Load before the stop, and after the restart (longer than the recovery bound, to see it hold). */
    private static final Duration BEFORE = Duration.ofSeconds(4);
    private static final Duration AFTER = RECOVERY_BOUND.plusSeconds(4);
    /** Between one client's requests: a steady load that leaves the two-core machines room to answer. */
    private static final long PAUSE_MS = 40;
    private static final Duration PROPAGATION = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(250);

    private static final String WORKSPACE = "db-restart";
    private static final String UNAVAILABLE = "https://rapport.dev/problems/unavailable";
    /** What a Java stack trace or a driver's message leaks into a body. */
    private static final Pattern LEAK = Pattern.compile(
            "\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|Caused by|\\w+(Exception|Error)\\b|org\\.postgresql|java\\.|jakarta\\.|SQLState");

    private static Path dataDir;

    private static LocalStack stack;
    private static long classStart;
    private static String token;
    private static String anchor;
    private static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    /** One request as the client saw it; times in ns since the load began. */
    record Call(Service service, String kind, String key, long start, long end, int status, String contentType,
                String body, String error, String replayed, String retryAfter) {
        boolean ok() {
            return error == null && status >= 200 && status < 300;
        }

        long millis() {
            return TimeUnit.NANOSECONDS.toMillis(end - start);
        }

        @Override
        public String toString() {
            return service.module + " " + kind + " " + key + " at " + ms(start) + ".." + ms(end) + " ms: "
                    + (error != null ? error : status + " " + contentType + " " + abbreviate(body));
        }
    }

    @BeforeAll
    static void startStack() throws Exception {
        classStart = System.nanoTime();
        stack = SharedStack.get();
        dataDir = SharedStack.dataDir();
        token = Tokens.sign(Tokens.Spec.of(WORKSPACE, "restart-user", "member"), stack.keys().privateKey());
        anchor = createAndAwaitProjected(token, "Edith Clarke");
        warmUp();
    }

    /** A contact, once interactions-service and reminders-service know it (interactions name it, reminders are about it). */
    private static String createAndAwaitProjected(String bearer, String name) {
        String id = JsonPath.from(send(Service.CONTACTS, "setup", post(bearer, Service.CONTACTS, "/v1/contacts", "setup-" + name,
                "{\"displayName\":\"" + name + "\"}"), 0).body()).getString("id");
        for (Service consumer : List.of(Service.INTERACTIONS, Service.REMINDERS)) {
            await().atMost(PROPAGATION).pollInterval(POLL).until(() ->
                    send(consumer, "setup", get(bearer, consumer, consumer.summaryPath(id)), 0).status() == 200);
        }
        return id;
    }

    /**
     * A fresh service's first calls are slow (class loading, JIT, first queries, up to seconds): made here, in a
     * workspace of their own, so the measured load starts warm and its slowest answer says something about the outage.
     */
    private static void warmUp() {
        String bearer = Tokens.sign(Tokens.Spec.of(WORKSPACE + "-warm-up", "warm-up-user", "member"), stack.keys().privateKey());
        String contact = createAndAwaitProjected(bearer, "Warm Up");
        for (int i = 0; i < 5; i++) {
            for (Service service : Service.values()) {
                String key = "warm-up-" + service.database + "-" + i;
                Call write = send(service, "warm-up", post(bearer, service, path(service), key, body(service, key, contact)), 0);
                assertEquals(201, write.status(), write.toString());
                String id = JsonPath.from(write.body()).getString("id");
                assertEquals(200, send(service, "warm-up", get(bearer, service, path(service) + "/" + id), 0).status());
                assertEquals(200, send(service, "warm-up", get(bearer, service, listPath(service, contact)), 0).status());
            }
        }
    }

    /** The shared stack serves the next test class: every service ready again before this one ends. */
    @AfterAll
    static void awaitReadyAndKeepLogs() throws Exception {
        try {
            for (Service service : Service.values()) {
                await().atMost(Duration.ofSeconds(30)).pollInterval(POLL).until(() ->
                        given().get(stack.url(service) + "/q/health/ready").statusCode() == 200);
            }
        } finally {
            keepLogs();
        }
    }

    /** The services' logs outlive the temporary directory, in target/, to read what they did during the outage. */
    private static void keepLogs() throws IOException {
        Path logs = dataDir.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return;
        }
        Path kept = Path.of("target", "database-restart-logs");
        Files.createDirectories(kept);
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.toList()) {
                Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Test
    void aPostgresRestartUnderLoadFailsFastWithProblemsRecoversWithinSecondsAndLosesNothing() throws Exception {
        LocalPostgres postgres = stack.infrastructure().postgres();
        Calls calls = new Calls();
        AtomicBoolean running = new AtomicBoolean(true);
        long t0 = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(3 * Service.values().length);
        List<Future<?>> load = new ArrayList<>();
        Map<Service, Map<String, String>> acknowledged = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            Map<String, String> ids = new ConcurrentHashMap<>();
            acknowledged.put(service, ids);
            load.add(clients.submit(() -> write(service, calls, running, t0, ids)));
            load.add(clients.submit(() -> read(service, calls, running, t0, ids)));
        }
        for (Service service : Service.values()) {
            load.add(clients.submit(() -> probeReadiness(service, calls, running, t0)));
        }

        long stopBegin;
        long stopEnd;
        long startBegin;
        long startEnd;
        try {
            Thread.sleep(BEFORE.toMillis());
            stopBegin = System.nanoTime() - t0;
            postgres.stop();
            stopEnd = System.nanoTime() - t0;
            try {
                Thread.sleep(Math.max(0, OUTAGE.toMillis() - ms(stopEnd - stopBegin)));
            } finally {
                startBegin = System.nanoTime() - t0;
                postgres.startAgain();
                startEnd = System.nanoTime() - t0;
            }
            Thread.sleep(AFTER.toMillis());
        } finally {
            running.set(false);
            clients.shutdown();
        }
        for (Future<?> client : load) {
            client.get(CLIENT_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
        }
        System.out.printf("DatabaseRestartIT: PostgreSQL stopped in %d ms (at %d ms), down %d ms, started in %d ms "
                        + "(back at %d ms); %d calls%n", ms(stopEnd - stopBegin), ms(stopBegin), ms(startBegin - stopEnd),
                ms(startEnd - startBegin), ms(startEnd), calls.all().size());

        List<String> violations = new ArrayList<>();
        List<Call> api = calls.all().stream().filter(c -> !c.kind().equals("ready")).toList();
        List<Call> ready = calls.all().stream().filter(c -> c.kind().equals("ready")).toList();

        // Every answer: in time, a 2xx or a 503 problem; never a 500, a hang or a dropped connection.
        for (Call call : calls.all()) {
            if (call.end() - call.start() > ANSWER_BOUND.toNanos()) {
                violations.add("slower than " + ANSWER_BOUND.toSeconds() + " s: " + call);
            }
            if (call.error() != null) {
                violations.add("no answer: " + call);
            } else if (!call.kind().equals("ready") && !call.ok()) {
                problemViolation(call).ifPresent(violations::add);
            }
        }
        // Before the stop, everything works: the load is sound.
        check(violations, api, c -> c.end() < stopBegin, Call::ok, "failed before the database stopped");
        check(violations, ready, c -> c.end() < stopBegin, DatabaseRestartIT::up, "not ready before the database stopped");
        // Down: nothing is served, readiness says DOWN (the database's check among its checks).
        Predicate<Call> whileDown = c -> c.start() >= stopEnd && c.end() <= startBegin;
        check(violations, api, whileDown, c -> c.status() == 503, "not a 503 while the database was down");
        check(violations, ready, whileDown, DatabaseRestartIT::down, "not DOWN while the database was down");
        for (Service service : Service.values()) {
            for (String kind : List.of("write", "read", "ready")) {
                long seen = calls.all().stream().filter(c -> c.service() == service && c.kind().equals(kind))
                        .filter(whileDown).count();
                if (seen == 0) {
                    violations.add(service.module + ": no " + kind + " call fell entirely into the outage");
                }
            }
        }
        // Back: writes and readiness within the bound, and from then on everything succeeds.
        long settled = startEnd + RECOVERY_BOUND.toNanos();
        check(violations, api, c -> c.start() >= settled, Call::ok, "failed " + RECOVERY_BOUND.toSeconds()
                + " s after the database was back");
        check(violations, ready, c -> c.start() >= settled, DatabaseRestartIT::up, "not ready "
                + RECOVERY_BOUND.toSeconds() + " s after the database was back");
        Map<String, Long> recovery = new TreeMap<>();
        for (Service service : Service.values()) {
            for (String kind : List.of("write", "read", "ready")) {
                Predicate<Call> good = kind.equals("ready") ? DatabaseRestartIT::up : Call::ok;
                Optional<Call> first = calls.all().stream()
                        .filter(c -> c.service() == service && c.kind().equals(kind) && c.start() >= startEnd && good.test(c))
                        .min((a, b) -> Long.compare(a.end(), b.end()));
                long millis = first.map(c -> ms(c.end() - startEnd)).orElse(Long.MAX_VALUE);
                recovery.put(service.module + " " + kind, millis);
                if (millis > RECOVERY_BOUND.toMillis()) {
                    violations.add(service.module + ": no successful " + kind + " within " + RECOVERY_BOUND.toSeconds()
                            + " s of the database being back (" + (first.isPresent() ? millis + " ms" : "none") + ")");
                }
            }
        }
        report(calls.all(), stopBegin, startEnd, recovery);
        violations.forEach(v -> System.out.println("DatabaseRestartIT: violation: " + v));
        // The data are checked whatever the answers were: a lost write is worth knowing about along with a wrong answer.
        AssertionError lost = null;
        try {
            checkNothingWasLost(api, acknowledged, t0);
        } catch (AssertionError | ConditionTimeoutException e) {
            lost = new AssertionError(e.getMessage(), e);
        }
        if (!violations.isEmpty() || lost != null) {
            fail((lost == null ? "" : "data: " + lost.getMessage() + "\n") + violations.size()
                    + " violations (first 40):\n  " + String.join("\n  ", violations.subList(0, Math.min(40, violations.size()))));
        }
        System.out.printf("DatabaseRestartIT: %d s with the stack's start%n", ms(System.nanoTime() - classStart) / 1000);
    }

    /**
     * Each acknowledged write stored and readable as written; the refused ones retried with their keys; then one
     * resource per key, one event per resource, each applied exactly once by each consumer.
     */
    private static void checkNothingWasLost(List<Call> api, Map<Service, Map<String, String>> acknowledged, long t0)
            throws Exception {
        // Nothing acknowledged lost, each readable as written.
        Map<Service, Set<String>> ids = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            Set<String> expected = new HashSet<>(acknowledged.get(service).values());
            if (service == Service.CONTACTS) {
                expected.add(anchor);
            }
            Set<String> stored = Set.copyOf(strings(service, "select id::text from " + table(service)
                    + " where workspace_id = ?", WORKSPACE));
            Set<String> missing = new HashSet<>(expected);
            missing.removeAll(stored);
            assertEquals(Set.of(), missing, service.module + " lost acknowledged writes");
            for (Map.Entry<String, String> write : acknowledged.get(service).entrySet()) {
                Call read = send(service, "read", get(service, path(service) + "/" + write.getValue()), t0);
                assertEquals(200, read.status(), "acknowledged " + write + " is readable: " + read);
                assertEquals(label(write.getKey()), JsonPath.from(read.body()).getString(labelField(service)), read.toString());
            }
            Set<String> refused = api.stream().filter(c -> c.service() == service && c.kind().equals("write") && !c.ok())
                    .map(Call::key).collect(Collectors.toCollection(HashSet::new));
            refused.removeAll(acknowledged.get(service).keySet());
            // A client retries what was refused with its Idempotency-Key. A refused write normally stored nothing and is
            // made now; one whose commit raced the stop (committed, but the answer lost with the connection) is replayed.
            Set<String> replayed = new HashSet<>();
            for (String key : refused) {
                Call retry = send(service, "retry", post(service, path(service), key, body(service, key)), t0);
                assertEquals(201, retry.status(), "retry of " + key + ": " + retry);
                String id = JsonPath.from(retry.body()).getString("id");
                if ("true".equals(retry.replayed())) {
                    replayed.add(id);
                }
                expected.add(id);
            }
            Set<String> storedBeforeRetries = new HashSet<>(stored);
            storedBeforeRetries.removeAll(replayed);
            storedBeforeRetries.removeAll(acknowledged.get(service).values());
            storedBeforeRetries.remove(anchor);
            assertEquals(Set.of(), storedBeforeRetries, service.module + " stored writes that no key accounts for");
            assertEquals(expected, Set.copyOf(strings(service, "select id::text from " + table(service)
                    + " where workspace_id = ?", WORKSPACE)), service.module + " after the retries: one resource per key");
            ids.put(service, expected);
            System.out.printf("DatabaseRestartIT: %s: %d writes acknowledged (all stored, each readable), %d refused, "
                            + "retried with their keys: %d created then, %d had committed after all (replayed)%n", service.module,
                    acknowledged.get(service).size(), refused.size(), refused.size() - replayed.size(), replayed.size());
        }

        // Every event published, once per write; each applied exactly once by its consumers.
        Set<String> contactEvents = awaitPublished(Service.CONTACTS, ids.get(Service.CONTACTS).size(), ContactEventTypes.CREATED_V1);
        Set<String> interactionEvents = awaitPublished(Service.INTERACTIONS, ids.get(Service.INTERACTIONS).size(),
                InteractionEventTypes.LOGGED_V1);
        awaitPublished(Service.REMINDERS, ids.get(Service.REMINDERS).size(), ReminderEventTypes.CREATED_V1);
        for (Service consumer : List.of(Service.INTERACTIONS, Service.REMINDERS)) {
            awaitAppliedOnce(consumer, consumer.database + ".contact-projection", contactEvents);
            assertEquals(ids.get(Service.CONTACTS), Set.copyOf(strings(consumer,
                    "select contact_id::text from contact_projection where workspace_id = ?", WORKSPACE)),
                    consumer.module + " projects each contact");
            assertEquals(ids.get(Service.CONTACTS).size(), count(consumer,
                    "select count(*) from contact_projection where workspace_id = ?", WORKSPACE), consumer.module + " once");
        }
        awaitAppliedOnce(Service.REMINDERS, "reminders.interactions", interactionEvents);
        assertEquals(ids.get(Service.INTERACTIONS).size(), count(Service.REMINDERS,
                "select count(*) from interaction_seen where workspace_id = ?", WORKSPACE), "each interaction seen once");
        System.out.printf("DatabaseRestartIT: events applied once: %d contact events by 2 consumers, %d interaction "
                + "events by reminders-service%n", contactEvents.size(), interactionEvents.size());
    }

    /** Writes one resource after another (each with its own Idempotency-Key) until told to stop. */
    private static Void write(Service service, Calls calls, AtomicBoolean running, long t0, Map<String, String> ids)
            throws InterruptedException {
        for (int i = 0; running.get(); i++) {
            String key = "restart-" + service.database + "-" + i;
            Call call = send(service, "write", post(service, path(service), key, body(service, key)), t0);
            calls.add(call);
            if (call.ok()) {
                ids.put(key, JsonPath.from(call.body()).getString("id"));
            }
            Thread.sleep(PAUSE_MS);
        }
        return null;
    }

    /** Reads an acknowledged resource and a page of the list, in turn. */
    private static Void read(Service service, Calls calls, AtomicBoolean running, long t0, Map<String, String> ids)
            throws InterruptedException {
        for (int i = 0; running.get(); i++) {
            String id = ids.values().stream().findAny().orElse(null);
            String path = i % 2 == 0 && id != null ? path(service) + "/" + id : listPath(service, anchor);
            calls.add(send(service, "read", get(service, path), t0));
            Thread.sleep(PAUSE_MS);
        }
        return null;
    }

    /** Asks the service whether it is ready, as Kubernetes' probe does (only more often). */
    private static Void probeReadiness(Service service, Calls calls, AtomicBoolean running, long t0) throws InterruptedException {
        while (running.get()) {
            calls.add(send(service, "ready", HttpRequest.newBuilder(URI.create(stack.url(service) + "/q/health/ready"))
                    .timeout(CLIENT_TIMEOUT).GET().build(), t0));
            Thread.sleep(200);
        }
        return null;
    }

    private static boolean up(Call call) {
        return call.status() == 200 && JsonPath.from(call.body()).getString("status").equals("UP");
    }

    private static boolean down(Call call) {
        if (call.status() != 503 || call.body() == null) {
            return false;
        }
        JsonPath health = JsonPath.from(call.body());
        List<String> downChecks = health.getList("checks.findAll { it.status == 'DOWN' }.name", String.class);
        return "DOWN".equals(health.getString("status")) && downChecks.stream().anyMatch(n -> n.toLowerCase().contains("database"));
    }

    /** What is wrong with a non-2xx answer: only a 503 problem of type unavailable, without a stack trace, is right. */
    private static Optional<String> problemViolation(Call call) {
        List<String> wrong = new ArrayList<>();
        if (call.status() != 503) {
            wrong.add("status " + call.status());
        } else if (call.retryAfter() == null || !call.retryAfter().matches("[1-9][0-9]*")) {
            wrong.add("Retry-After " + call.retryAfter());
        }
        if (call.contentType() == null || !call.contentType().startsWith("application/problem+json")) {
            wrong.add("content type " + call.contentType());
        } else {
            try {
                JsonPath problem = JsonPath.from(call.body());
                if (!UNAVAILABLE.equals(problem.getString("type"))) {
                    wrong.add("type " + problem.getString("type"));
                }
                if (problem.getInt("status") != call.status()) {
                    wrong.add("body status " + problem.getString("status"));
                }
            } catch (RuntimeException e) {
                wrong.add("body not a JSON problem");
            }
        }
        if (call.body() != null && LEAK.matcher(call.body()).find()) {
            wrong.add("internals in the body");
        }
        return wrong.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", wrong) + ": " + call);
    }

    private static void check(List<String> violations, List<Call> calls, Predicate<Call> when, Predicate<Call> expected,
                              String what) {
        calls.stream().filter(when).filter(expected.negate()).forEach(c -> violations.add(what + ": " + c));
    }

    /** Per service and kind: calls and outcomes in each phase, the slowest answer, and the recovery times. */
    private static void report(List<Call> calls, long stopBegin, long startEnd, Map<String, Long> recovery) {
        Map<String, Map<String, Integer>> outcomes = new TreeMap<>();
        Map<String, Long> slowest = new TreeMap<>();
        for (Call call : calls) {
            String phase = call.end() < stopBegin ? "1-before" : call.start() < startEnd ? "2-outage" : "3-after";
            String row = call.service().module + " " + call.kind() + " " + phase;
            outcomes.computeIfAbsent(row, r -> new TreeMap<>())
                    .merge(call.error() != null ? "no answer" : String.valueOf(call.status()), 1, Integer::sum);
            slowest.merge(row, call.millis(), Math::max);
        }
        outcomes.forEach((row, counts) -> System.out.printf("DatabaseRestartIT: %-35s %s, slowest %d ms%n", row, counts,
                slowest.get(row)));
        System.out.printf("DatabaseRestartIT: slowest answer overall %d ms (bound %d ms); first success after the "
                        + "database was back (ms): %s (bound %d ms)%n",
                calls.stream().mapToLong(Call::millis).max().orElse(0), ANSWER_BOUND.toMillis(), recovery,
                RECOVERY_BOUND.toMillis());
    }

    private static HttpRequest post(Service service, String path, String key, String body) {
        return post(token, service, path, key, body);
    }

    private static HttpRequest post(String bearer, Service service, String path, String key, String body) {
        return HttpRequest.newBuilder(URI.create(stack.url(service) + path)).timeout(CLIENT_TIMEOUT)
                .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest get(Service service, String path) {
        return get(token, service, path);
    }

    private static HttpRequest get(String bearer, Service service, String path) {
        return HttpRequest.newBuilder(URI.create(stack.url(service) + path)).timeout(CLIENT_TIMEOUT)
                .header("Authorization", "Bearer " + bearer).GET().build();
    }

    private static Call send(Service service, String kind, HttpRequest request, long t0) {
        String key = request.headers().firstValue("Idempotency-Key").orElse(request.uri().getPath());
        long start = System.nanoTime() - t0;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Call(service, kind, key, start, System.nanoTime() - t0, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body(), null,
                    response.headers().firstValue("Idempotent-Replayed").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null));
        } catch (IOException e) {
            return new Call(service, kind, key, start, System.nanoTime() - t0, 0, null, null, e.toString(), null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Call(service, kind, key, start, System.nanoTime() - t0, 0, null, null, "interrupted", null, null);
        }
    }

    /** A page of the service's list: the contacts', the anchor's timeline, the reminders'. */
    private static String listPath(Service service, String contact) {
        return service == Service.INTERACTIONS ? "/v1/contacts/" + contact + "/timeline?limit=5" : path(service) + "?limit=5";
    }

    private static String path(Service service) {
        return switch (service) {
            case CONTACTS -> "/v1/contacts";
            case INTERACTIONS -> "/v1/interactions";
            case REMINDERS -> "/v1/reminders";
        };
    }

    private static String table(Service service) {
        return switch (service) {
            case CONTACTS -> "contact";
            case INTERACTIONS -> "interaction";
            case REMINDERS -> "reminder";
        };
    }

    private static String labelField(Service service) {
        return switch (service) {
            case CONTACTS -> "displayName";
            case INTERACTIONS -> "summary";
            case REMINDERS -> "text";
        };
    }

    private static String label(String key) {
        return "Written " + key;
    }

    private static String body(Service service, String key) {
        return body(service, key, anchor);
    }

    private static String body(Service service, String key, String contact) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return switch (service) {
            case CONTACTS -> "{\"displayName\":\"" + label(key) + "\"}";
            case INTERACTIONS -> "{\"kind\":\"message\",\"occurredAt\":\"" + today.minusDays(1) + "T09:00:00Z\",\"summary\":\""
                    + label(key) + "\",\"participants\":[{\"contactId\":\"" + contact + "\"}]}";
            // Due in a month: none comes due (and announces itself) during the test.
            case REMINDERS -> "{\"text\":\"" + label(key) + "\",\"due\":\"" + today.plusDays(30) + "\",\"contactId\":\""
                    + contact + "\"}";
        };
    }

    /** Waits until {@code expected} events of the workspace are in the outbox, all published, all of {@code type}. */
    private static Set<String> awaitPublished(Service producer, int expected, String type) throws Exception {
        await().atMost(PROPAGATION).pollInterval(POLL).until(() -> count(producer,
                "select count(*) from outbox_event where workspace_id = ? and published_at is not null", WORKSPACE) >= expected
                && count(producer, "select count(*) from outbox_event where workspace_id = ? and published_at is null", WORKSPACE) == 0);
        List<String> events = strings(producer, "select id::text from outbox_event where workspace_id = ?", WORKSPACE);
        assertEquals(expected, events.size(), producer.module + " wrote one event per write");
        assertEquals(List.of(type), strings(producer, "select distinct type from outbox_event where workspace_id = ?", WORKSPACE));
        return Set.copyOf(events);
    }

    /** Waits until {@code consumer} recorded every one of {@code events}, then checks it recorded each exactly once. */
    private static void awaitAppliedOnce(Service service, String consumer, Set<String> events) throws Exception {
        String sql = "select event_id::text from inbox_event where consumer = ? and workspace_id = ?";
        await().atMost(PROPAGATION).pollInterval(POLL).until(() -> strings(service, sql, consumer, WORKSPACE).containsAll(events));
        List<String> inbox = strings(service, sql, consumer, WORKSPACE);
        assertEquals(events.size(), inbox.size(), consumer + " recorded " + inbox.size() + " events");
        assertEquals(events, Set.copyOf(inbox), consumer + " recorded exactly the events that were published");
    }

    private static long count(Service database, String sql, Object... parameters) throws Exception {
        return Long.parseLong(strings(database, sql, parameters).get(0));
    }

    private static List<String> strings(Service database, String sql, Object... parameters) throws Exception {
        try (Connection connection = DriverManager.getConnection(
                stack.infrastructure().postgres().jdbcUrl(database.database), LocalPostgres.USER, "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() <= 300 ? body : body.substring(0, 300) + "…";
    }

    /** The calls of every client thread, in the order they ended. */
    static final class Calls {
        private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();

        void add(Call call) {
            calls.add(call);
        }

        List<Call> all() {
            return List.copyOf(calls);
        }
    }
}
