package dev.rapport.bench;

import dev.rapport.local.LocalStack;
import dev.rapport.local.LocalStack.Service;
import dev.rapport.local.Tokens;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue "Event backbone" benchmark: contacts are created at a steady rate through contacts-service's API;
 * for each, the time from the API's 2xx to reminders-service recording the event (its inbox row, written in
 * the same transaction as the projection change) is measured, next to raw Kafka latency on the same broker.
 *
 * <p>Options: {@code --rate=500 --seconds=30 --warmup=10 --home=DIR}.
 */
public final class EventLatencyBench {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private EventLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchStack.options(args);
        int rate = Integer.parseInt(options.getOrDefault("rate", "500"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));

        try (LocalStack stack = BenchStack.start(options)) {
            System.out.printf(Locale.ROOT, "Warm-up: %d s at %d contacts/s%n", warmup, rate);
            createContacts(stack, rate, warmup);

            System.out.printf(Locale.ROOT, "Raw Kafka: %d s at %d records/s%n", seconds, rate);
            Percentiles raw = RawKafkaLatency.measure(stack.infrastructure().kafka(), rate, seconds);

            System.out.printf(Locale.ROOT, "Rapport: %d s at %d contacts/s%n", seconds, rate);
            Instant start = Instant.now();
            Run run = createContacts(stack, rate, seconds);
            Percentiles rapport = visibleInReminders(stack, run.createdAt(), start);

            System.out.println();
            System.out.println("== Event latency (2xx from contacts-service -> recorded by reminders-service) ==");
            System.out.printf(Locale.ROOT, "target %d/s for %d s; achieved %.0f/s; %d created, %d failed%n",
                    rate, seconds, run.createdAt().size() / run.seconds(), run.createdAt().size(), run.failures());
            System.out.println("POST /v1/contacts          " + run.postLatency().summary());
            System.out.println("API 2xx -> reminders       " + rapport.summary());
            System.out.println("raw Kafka produce->consume " + raw.summary());
            String rawP99 = String.format(Locale.ROOT, "raw Kafka p99 %.1f ms", raw.at(99));
            // Sustained means applied by the consumer, not only accepted by the API; an event never seen is a miss.
            Result.atLeast("event contacts → reminders, rate sustained", rapport.count() / run.seconds(), 500,
                    "events/s", String.format(Locale.ROOT, "%d/s offered, %.0f/s accepted", rate,
                            run.createdAt().size() / run.seconds())).record(options);
            Result.atMost("event API 2xx → effect in reminders p99",
                    rapport.count() == run.createdAt().size() ? rapport.at(99) : Double.POSITIVE_INFINITY, 100, "ms",
                    rawP99).record(options);
            System.out.printf(Locale.ROOT, "p99 ratio Rapport / raw Kafka: %.1fx; target p99 <= 100 ms: %s%n",
                    rapport.at(99) / raw.at(99), rapport.at(99) <= 100 ? "met" : "NOT met");
        }
    }


    record Run(Map<String, Instant> createdAt, Percentiles postLatency, int failures, double seconds) {
    }

    private static Run createContacts(LocalStack stack, int rate, int seconds) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(stack.url(Service.CONTACTS) + "/v1/contacts");
        String token = Tokens.sign(Tokens.Spec.of("bench", "bench-user", "member"), stack.keys().privateKey());
        Map<String, Instant> createdAt = new ConcurrentHashMap<>();
        Percentiles postLatency = new Percentiles();
        AtomicInteger failures = new AtomicInteger();
        CompletableFuture<?>[] calls = new CompletableFuture<?>[rate * seconds];
        Pacer pacer = new Pacer(rate);
        long started = System.nanoTime();
        for (int i = 0; i < calls.length; i++) {
            pacer.awaitTurn(i);
            long sent = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"displayName\":\"Bench " + i + "\",\"emails\":[{\"address\":\"bench" + i + "@example.org\"}]}"))
                    .build();
            calls[i] = client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
                Instant now = Instant.now();
                postLatency.add((System.nanoTime() - sent) / 1e6);
                Matcher id = error == null && response.statusCode() == 201 ? ID.matcher(response.body()) : null;
                if (id != null && id.find()) {
                    createdAt.put(id.group(1), now);
                } else {
                    failures.incrementAndGet();
                }
                return null;
            });
        }
        CompletableFuture.allOf(calls).join();
        if (createdAt.isEmpty()) {
            throw new IllegalStateException("No contact was created: is the stack healthy?");
        }
        return new Run(createdAt, postLatency, failures.get(), (System.nanoTime() - started) / 1e9);
    }

    /** Joins the 2xx times with reminders-service's inbox through contacts-service's outbox (event id -> contact). */
    private static Percentiles visibleInReminders(LocalStack stack, Map<String, Instant> createdAt, Instant since)
            throws Exception {
        String contactsDb = stack.infrastructure().postgres().jdbcUrl("contacts");
        String remindersDb = stack.infrastructure().postgres().jdbcUrl("reminders");
        Map<String, String> contactByEvent = new HashMap<>();
        Map<String, OffsetDateTime> publishedAt = new HashMap<>();
        Percentiles relayLag = new Percentiles();
        try (Connection c = DriverManager.getConnection(contactsDb, "postgres", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "select id::text, subject, occurred_at, published_at from outbox_event where occurred_at >= now() - interval '10 minutes'")) {
            while (rs.next()) {
                if (createdAt.containsKey(rs.getString(2))) {
                    contactByEvent.put(rs.getString(1), rs.getString(2));
                    OffsetDateTime published = rs.getObject(4, OffsetDateTime.class);
                    publishedAt.put(rs.getString(1), published);
                    if (published != null) {
                        relayLag.add(Duration.between(rs.getObject(3, OffsetDateTime.class), published).toNanos() / 1e6);
                    }
                }
            }
        }
        System.out.println("  outbox commit -> Kafka ack   " + relayLag.summary());
        Percentiles consumerLag = new Percentiles();
        Percentiles latencies = new Percentiles();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        try (Connection c = DriverManager.getConnection(remindersDb, "postgres", "")) {
            while (true) {
                Map<String, OffsetDateTime> received = new HashMap<>();
                try (ResultSet rs = c.createStatement().executeQuery(
                        "select event_id, received_at from inbox_event")) {
                    while (rs.next()) {
                        received.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class));
                    }
                }
                long matched = received.keySet().stream()
                        .filter(contactByEvent::containsKey).count();
                if (matched >= createdAt.size() || System.nanoTime() > deadline) {
                    received.forEach((event, at) -> {
                        Instant ok = contactByEvent.containsKey(event) ? createdAt.get(contactByEvent.get(event)) : null;
                        if (ok != null) {
                            latencies.add(Duration.between(ok, at.toInstant()).toNanos() / 1e6);
                            OffsetDateTime published = publishedAt.get(event);
                            if (published != null) {
                                consumerLag.add(Duration.between(published, at).toNanos() / 1e6);
                            }
                        }
                    });
                    System.out.println("  Kafka ack -> reminders inbox " + consumerLag.summary());
                    return latencies;
                }
                Thread.sleep(500);
            }
        }
    }
}
