package dev.rapport.e2e;

import dev.rapport.local.LocalStack;
import dev.rapport.local.LocalStack.Service;
import dev.rapport.local.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a careless or hostile client can throw at a service without exhausting it: bodies, files and pages over their
 * limits and JSON nested past reason are refused with a problem; a thousand idle connections and clients that send
 * their headers or bodies a byte at a time leave every service answering others; a 100,000-contact export and a
 * large import run in bounded memory (the services run with a 256 MiB heap).
 */
@org.junit.jupiter.api.Order(4)
class ResourceBoundsIT {

    private static final int IDLE_CONNECTIONS = 1_000;
    private static final int SLOW_CLIENTS = 100;
    private static final boolean LONG = Boolean.getBoolean("rapport.long");
    /** 100,000 each in the long run (deploy/e2e/long-run); fewer in the build, where they cost their rows' time. */
    private static final int EXPORTED_CONTACTS = LONG ? 100_000 : 20_000;
    private static final int IMPORTED_ROWS = LONG ? 100_000 : 1_000;
    private static final long MIB = 1024 * 1024;

    private static LocalStack stack;
    private static String token;

    @BeforeAll
    static void stack() {
        stack = SharedStack.get();
        token = Tokens.sign(Tokens.Spec.of("resource-bounds", "bounded", "member", "admin"), stack.keys().privateKey());
    }

    @Test
    void bodiesFilesPagesAndNestingOverTheirLimitsAreRefusedWithProblems() {
        String contacts = stack.url(Service.CONTACTS);
        String interactions = stack.url(Service.INTERACTIONS);
        String bigJson = "{\"displayName\":\"" + "x".repeat((int) (2 * MIB)) + "\"}";
        expectProblem(413, given().auth().oauth2(token).contentType(ContentType.JSON).body(bigJson).post(contacts + "/v1/contacts"));
        expectProblem(413, given().auth().oauth2(token).contentType("text/vcard").body(new byte[(int) (21 * MIB)])
                .post(contacts + "/v1/imports"));
        expectProblem(413, given().auth().oauth2(token).contentType("text/calendar").body(new byte[(int) (11 * MIB)])
                .post(interactions + "/v1/calendar-imports"));
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        for (Service service : Service.values()) {
            String create = service == Service.CONTACTS ? "/v1/contacts" : service == Service.INTERACTIONS ? "/v1/interactions" : "/v1/reminders";
            expectProblem(400, given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"a\":" + deep + "}")
                    .post(stack.url(service) + create));
            String list = service == Service.CONTACTS ? "/v1/contacts" : service == Service.INTERACTIONS ? "/v1/interactions" : "/v1/reminders";
            for (String limit : List.of("1000000", "-1", "99999999999999999999")) {
                expectProblem(422, given().auth().oauth2(token).get(stack.url(service) + list + "?limit=" + limit));
            }
        }
    }

    @Test
    void idleConnectionsAndByteAtATimeClientsLeaveEveryServiceAnsweringOthers() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        AtomicBoolean attacking = new AtomicBoolean(true);
        CountDownLatch attackersIn = new CountDownLatch(2 * SLOW_CLIENTS * Service.values().length);
        ExecutorService slow = Executors.newFixedThreadPool(2 * SLOW_CLIENTS * Service.values().length);
        try {
            for (Service service : Service.values()) {
                URI uri = URI.create(stack.url(service));
                for (int i = 0; i < IDLE_CONNECTIONS; i++) {
                    sockets.add(new Socket(uri.getHost(), uri.getPort()));
                }
                for (int i = 0; i < SLOW_CLIENTS; i++) {
                    // Headers a line at a time (slowloris), and a declared body sent a byte at a time.
                    slow.submit(() -> trickle(uri, "GET /v1/contacts HTTP/1.1\r\nHost: x\r\n", "X-Slow: 1\r\n", attacking, attackersIn));
                    slow.submit(() -> trickle(uri, "POST /v1/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token
                            + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"displayName\":\"", "x", attacking, attackersIn));
                }
            }
            assertTrue(attackersIn.await(60, TimeUnit.SECONDS), "every slow client connected and sent its first bytes");
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (Service service : Service.values()) {
                long[] millis = new long[50];
                for (int i = 0; i < millis.length; i++) {
                    long start = System.nanoTime();
                    String unknown = service == Service.CONTACTS ? "/v1/contacts/" + java.util.UUID.randomUUID() : service.summaryPath(java.util.UUID.randomUUID());
                    HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(stack.url(service) + unknown))
                            .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    millis[i] = (System.nanoTime() - start) / 1_000_000;
                    assertEquals(404, answer.statusCode(), service.module + " answers others while under attack: " + answer.body());
                }
                Arrays.sort(millis);
                System.out.printf("ResourceBoundsIT: %s under %d idle connections and %d slow clients: median %d ms, slowest %d ms%n",
                        service.module, IDLE_CONNECTIONS, 2 * SLOW_CLIENTS, millis[millis.length / 2], millis[millis.length - 1]);
            }
        } finally {
            attacking.set(false);
            slow.shutdownNow();
            slow.awaitTermination(10, TimeUnit.SECONDS);
            for (Socket socket : sockets) {
                socket.close();
            }
        }
        for (Service service : Service.values()) {
            given().get(stack.url(service) + "/q/health/ready").then().statusCode(200);
        }
    }

    @Test
    void aLargeExportStreamsInBoundedMemory() throws Exception {
        String bulk = Tokens.sign(Tokens.Spec.of("bulk-export", "exporter", "member"), stack.keys().privateKey());
        String template = given().auth().oauth2(bulk).contentType(ContentType.JSON)
                .body("{\"givenName\":\"Ada\",\"familyName\":\"Template\",\"emails\":[{\"address\":\"ada@bulk.example\"}],"
                        + "\"phones\":[{\"number\":\"+44 20 7946 0000\"}],\"note\":\"" + "n".repeat(200) + "\"}")
                .post(stack.url(Service.CONTACTS) + "/v1/contacts").then().statusCode(201).extract().path("id");
        try (Connection db = DriverManager.getConnection(stack.infrastructure().postgres().jdbcUrl(Service.CONTACTS.database), "postgres", "");
             PreparedStatement copy = db.prepareStatement("""
                     insert into contact
                     select (jsonb_populate_record(c, jsonb_build_object('id', gen_random_uuid(), 'display_name', 'Bulk-' || g,
                             'given_name', 'Bulk-' || g))).*
                       from contact c, generate_series(2, ?) g where c.id = ?::uuid""")) {
            copy.setInt(1, EXPORTED_CONTACTS);
            copy.setString(2, template);
            copy.executeUpdate();
        }
        MemoryWatch watch = MemoryWatch.start(Service.CONTACTS);
        long count;
        long bytes;
        try {
            HttpResponse<InputStream> export = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(stack.url(Service.CONTACTS) + "/v1/contacts/export?format=json"))
                    .header("Authorization", "Bearer " + bulk).timeout(Duration.ofMinutes(5)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertEquals(200, export.statusCode());
            long[] counted = countOccurrences(export.body(), "\"familyName\":\"Template\"");
            count = counted[0];
            bytes = counted[1];
        } finally {
            watch.stop();
        }
        assertEquals(EXPORTED_CONTACTS, count, "every contact was exported");
        System.out.printf("ResourceBoundsIT: export of %,d contacts (%,d MB): heap after collections %d MB at most, old generation %d MB at"
                + " most (heap limit 256 MB)%n", count, bytes / MIB, watch.maxAfterGc() / MIB, watch.maxOldGen() / MIB);
        if (LONG) {
            // Held at once, the export alone would be larger than the bound: it is streamed.
            assertTrue(bytes > EXPORT_BOUND, "the export is larger than the memory bound: " + bytes);
        }
        assertTrue(watch.maxAfterGc() < EXPORT_BOUND, "what survived collections stayed under " + EXPORT_BOUND / MIB + " MB: "
                + watch.maxAfterGc() / MIB);
    }

    @Test
    void aLargeImportRunsInBoundedMemory() throws Exception {
        String importer = Tokens.sign(Tokens.Spec.of("bulk-import", "importer", "member"), stack.keys().privateKey());
        StringBuilder cards = new StringBuilder();
        for (int i = 0; i < IMPORTED_ROWS; i++) {
            // Shaped like an Apple export (type parameters, a national number, a vendor extension), and small enough
            // that 100,000 of them fit in one upload (20 MiB).
            cards.append("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Row").append(i).append(";Imported;;;\r\nFN:Imported Row").append(i)
                    .append("\r\nEMAIL;type=INTERNET;type=HOME:row").append(i).append("@import.example\r\n")
                    .append("TEL;type=CELL:07700 9").append(String.format("%05d", i % 100_000)).append("\r\nX-ABUID:").append(i)
                    .append(":ABPerson\r\nEND:VCARD\r\n");
        }
        byte[] file = cards.toString().getBytes(StandardCharsets.UTF_8);
        MemoryWatch watch = MemoryWatch.start(Service.CONTACTS);
        Map<String, Object> job;
        try {
            String location = given().auth().oauth2(importer).contentType("text/vcard").body(file)
                    .post(stack.url(Service.CONTACTS) + "/v1/imports").then().statusCode(202).extract().header("Location");
            await().atMost(Duration.ofMinutes(LONG ? 60 : 3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> !List.of("queued", "running").contains(given().auth().oauth2(importer).get(location).<String>path("status")));
            job = given().auth().oauth2(importer).get(location).then().statusCode(200).extract().path("$");
        } finally {
            watch.stop();
        }
        assertEquals("succeeded", job.get("status"), "the import finished: " + job);
        assertEquals(IMPORTED_ROWS, ((Number) ((Map<?, ?>) job.get("counts")).get("created")).intValue(), "every row became a contact: " + job);
        System.out.printf("ResourceBoundsIT: import of %,d vCards (%,d MB): heap after collections %d MB at most, old generation %d MB"
                + " at most (heap limit 256 MB)%n", IMPORTED_ROWS, file.length / MIB, watch.maxAfterGc() / MIB, watch.maxOldGen() / MIB);
        assertTrue(watch.maxAfterGc() < BOUND, "what survived collections stayed under " + BOUND / MIB + " MB: " + watch.maxAfterGc() / MIB);
    }

    /**
     * What a service may hold at once while one import runs, of its 256 MiB heap. An import keeps a candidate per row
     * (about 1.3 KB) until it ends, so this grows with the file; the upload limit (20 MiB, 100,000 short cards) caps it.
     */
    private static final long BOUND = 160 * MIB;
    /** What it may hold while an export runs: less than 100,000 contacts' export (89 MB) takes. */
    private static final long EXPORT_BOUND = 64 * MIB;

    private static void expectProblem(int status, Response response) {
        assertEquals(status, response.statusCode(), response.asString().substring(0, Math.min(300, response.asString().length())));
        assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        assertTrue(response.jsonPath().getString("type") != null, response.asString());
    }

    /**
     * Sends {@code head} (then counts {@code in} down), then {@code drip} every half second, a slow client's pace, until
     * told to stop or the server closes the connection.
     */
    private static Void trickle(URI uri, String head, String drip, AtomicBoolean go, CountDownLatch in)
            throws IOException, InterruptedException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in.countDown();
            while (go.get()) {
                Thread.sleep(500);
                out.write(drip.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            // The server closed it: what a server may do to a client this slow.
        }
        return null;
    }

    /** Occurrences of {@code needle} in the stream, and the stream's length, reading it once in small chunks. */
    private static long[] countOccurrences(InputStream in, String needle) throws IOException {
        byte[] pattern = needle.getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[64 * 1024];
        long count = 0;
        long total = 0;
        int matched = 0;
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    matched = b == pattern[matched] ? matched + 1 : (b == pattern[0] ? 1 : 0);
                    if (matched == pattern.length) {
                        count++;
                        matched = 0;
                    }
                }
            }
        }
        return new long[] {count, total};
    }

    /**
     * Samples a service's heap from its metrics while work runs: what the last collections left alive (the measure
     * of what the work holds), and the old generation's use (which also counts garbage not yet collected).
     */
    private static final class MemoryWatch {

        private static final Pattern OLD_GEN = Pattern.compile(
                "^jvm_memory_used_bytes\\{area=\"heap\",id=\"G1 Old Gen\"} ([0-9.eE+-]+)$", Pattern.MULTILINE);
        private static final Pattern LIVE = Pattern.compile("^jvm_gc_live_data_size_bytes(\\{[^}]*})? ([0-9.eE+-]+)$", Pattern.MULTILINE);

        private final Service service;
        private final AtomicLong maxOldGen = new AtomicLong();
        private final AtomicLong maxAfterGc = new AtomicLong();
        private final ExecutorService sampler = Executors.newSingleThreadExecutor();
        private Future<?> running;

        private MemoryWatch(Service service) {
            this.service = service;
        }

        static MemoryWatch start(Service service) {
            MemoryWatch watch = new MemoryWatch(service);
            watch.running = watch.sampler.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    watch.sample();
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            return watch;
        }

        private void sample() {
            String metrics = given().get(stack.url(service) + "/q/metrics").asString();
            Matcher old = OLD_GEN.matcher(metrics);
            if (old.find()) {
                maxOldGen.accumulateAndGet((long) Double.parseDouble(old.group(1)), Math::max);
            }
            Matcher live = LIVE.matcher(metrics);
            if (live.find()) {
                maxAfterGc.accumulateAndGet((long) Double.parseDouble(live.group(2)), Math::max);
            }
        }

        void stop() throws Exception {
            running.cancel(true);
            sampler.shutdownNow();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
            sample();
            assertTrue(maxOldGen.get() > 0 && maxAfterGc.get() > 0, "the service's metrics show its old generation and live data");
        }

        long maxOldGen() {
            return maxOldGen.get();
        }

        long maxAfterGc() {
            return maxAfterGc.get();
        }
    }
}
