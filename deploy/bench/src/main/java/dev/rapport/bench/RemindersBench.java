package dev.rapport.bench;

import dev.rapport.bench.Load.Call;
import dev.rapport.local.LocalStack;
import dev.rapport.local.LocalStack.Service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 14's reminders benchmark, on the local stack (durable PostgreSQL):
 * <ul>
 *   <li>{@code GET /v1/agenda} p95, one connection, in a workspace of 50,000 contacts kept in touch with (a tag's
 *   cadence; each with an interaction in the last 120 days, so about three in four are overdue), one in ten with a
 *   birthday, and 1,000 one-off reminders of the user; 10 other workspaces of 5,000 such contacts each;</li>
 *   <li>{@code GET /ical/{token}.ics} p95, one connection, for a user with 5,000 entries (4,000 reminders, one in five
 *   at a time in a zone, and 1,000 birthdays);</li>
 *   <li>the time from {@code POST /v1/interactions}' 2xx (the interaction committed) to reminders-service's
 *   recomputed keep-in-touch day (the reminder row's update, in the consumer's transaction), p99, with interactions
 *   logged at a steady {@code --rate} (default 200/s), each with a contact of its own.</li>
 * </ul>
 * Options: {@code --seconds=20 --warmup=90 --rate=200 --home=DIR}, {@code --loop-warmup=240} (seconds of interactions
 * logged at the rate before the measured ones), and {@code --profile=DIR} (with
 * {@code --profile-service=interactions-service|reminders-service}): interactions logged again while that service is
 * recorded with JFR, its database's wait events sampled and each process's CPU taken.
 */
public final class RemindersBench {

    private static final String USER = "bench-user";
    private static final int CONTACTS = 50_000;
    private static final int OTHER_WORKSPACES = 10;
    private static final int OTHER_CONTACTS = 5_000;
    private static final int FEED_REMINDERS = 4_000;
    private static final int FEED_BIRTHDAYS = 1_000;
    private static final int LOOP_CONTACTS = 20_000;
    private static final Pattern URL = Pattern.compile("\"url\"\\s*:\\s*\"([^\"]+)\"");

    private RemindersBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchStack.options(args);
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
        // The agenda and the feed run new code paths: on two cores C2 takes about a thousand agenda requests to compile
        // them, and with 15 s of warm-up each the agenda's p95 measured that (37 ms, against 21 ms after 45 s).
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "90"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "200"));
        // The loop is measured warm, as a service that has run for a while is: after 45 s of logging C2 was still
        // compiling its code at 30 to 50 methods a second on each service, a sixth to a third of their CPU on two cores
        // (the 2xx -> due p50 was 61 ms then, 31 ms after 240 s with the same code).
        int loopWarmup = Integer.parseInt(options.getOrDefault("loop-warmup", "240"));

        try (LocalStack stack = BenchStack.start(options)) {
            String reminders = stack.infrastructure().postgres().jdbcUrl(Service.REMINDERS.database);
            String interactions = stack.infrastructure().postgres().jdbcUrl(Service.INTERACTIONS.database);
            System.out.printf(Locale.ROOT, "Seeding %,d contacts with cadences (and %d workspaces of %,d), a %,d-entry feed, %,d contacts to log with ...%n",
                    CONTACTS, OTHER_WORKSPACES, OTHER_CONTACTS, FEED_REMINDERS + FEED_BIRTHDAYS, LOOP_CONTACTS);
            seedKeepInTouch(reminders, "bench", CONTACTS, true);
            for (int w = 1; w <= OTHER_WORKSPACES; w++) {
                seedKeepInTouch(reminders, "other-" + w, OTHER_CONTACTS, false);
            }
            seedFeed(reminders);
            List<String> loop = seedLoop(reminders, interactions);
            vacuum(reminders);
            vacuum(interactions);

            String base = stack.url(Service.REMINDERS);
            Load agendaLoad = new Load(BenchStack.token(stack, "bench", USER), 1);
            Load feedLoad = new Load(BenchStack.token(stack, "feed", USER), 1);
            String feedUrl = feedUrl(base, BenchStack.token(stack, "feed", USER));
            String feedPath = URI.create(feedUrl).getPath();

            System.out.printf(Locale.ROOT, "Warm-up: %d s of agenda and feed reads%n", warmup);
            agendaLoad.closedLoop(warmup / 2, i -> agenda(base, i));
            feedLoad.closedLoop(warmup / 2, i -> Call.get(base + feedPath));
            Profile.settle(Duration.ofSeconds(3L * warmup));

            System.out.printf(Locale.ROOT, "GET /v1/agenda?days=7 (and 30 one time in four), 1 connection, %d s%n", seconds);
            Load.Result agenda = agendaLoad.closedLoop(seconds, i -> agenda(base, i));
            System.out.printf(Locale.ROOT, "GET /ical/{token}.ics (%,d entries), 1 connection, %d s%n", FEED_REMINDERS + FEED_BIRTHDAYS, seconds);
            Load.Result feed = feedLoad.closedLoop(seconds, i -> Call.get(base + feedPath));
            int size = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + feedPath)).build(),
                    HttpResponse.BodyHandlers.ofString()).body().length();

            // Logging last: the events it sets off would otherwise still be worked off while the reads are measured.
            System.out.printf(Locale.ROOT, "Warm-up: %d s of interactions at %d/s, then a pause until the services are quiet%n", loopWarmup, rate);
            warmUpLogging(stack, loop.subList(0, loop.size() / 2), rate, loopWarmup);
            Profile.settle(Duration.ofSeconds(3L * warmup));
            System.out.printf(Locale.ROOT, "POST /v1/interactions at %d/s for %d s, each with its own contact%n", rate, seconds);
            List<String> measured = loop.subList(loop.size() / 2, Math.min(loop.size(), loop.size() / 2 + rate * seconds));
            Profile.resetStatements(reminders);
            Map<String, Duration> cpuBefore = Profile.cpu();
            long started = System.nanoTime();
            Instant phaseStarted = Instant.now();
            Logged logged = logAtRate(stack, measured, rate);
            Percentiles latency = recomputed(reminders, logged.okAt(), "2xx -> due");
            Profile.printCpu(cpuBefore, Profile.cpu(), (System.nanoTime() - started) / 1e9);
            Profile.printStatements(reminders, 15, measured.size(), "interaction");
            Profile.printMaintenance(reminders, phaseStarted);

            // Reminders' own part: the events interactions-service's relay would publish, at the same rate, straight to
            // the topic; from each one's Kafka acknowledgement to the recomputed day.
            List<String> direct = loop.subList(Math.min(loop.size(), loop.size() / 2 + rate * seconds), loop.size());
            direct = direct.subList(0, Math.min(direct.size(), rate * seconds));
            Profile.settle(Duration.ofSeconds(3L * warmup));
            System.out.printf(Locale.ROOT, "interaction.logged.v1 published at %d/s for %d s straight to %s%n", rate, seconds, "rapport.interactions.v1");
            Map<String, Duration> directCpuBefore = Profile.cpu();
            long directStarted = System.nanoTime();
            Logged published = publishAtRate(stack, direct, rate);
            Percentiles directLatency = recomputed(reminders, published.okAt(), "Kafka ack -> due");
            Profile.printCpu(directCpuBefore, Profile.cpu(), (System.nanoTime() - directStarted) / 1e9);

            System.out.println();
            System.out.println("== Reminders (durable PostgreSQL; load generator on the same machine) ==");
            Result.atMost("reminders agenda p95 (50,000 kept in touch)", agenda.latency().at(95), 30, "ms", "—").record(options);
            Result.atMost("reminders feed p95 (5,000 entries)", feed.latency().at(95), 200, "ms", "—").record(options);
            boolean everyDayMoved = latency.count() == logged.okAt().size() && logged.failures() == 0;
            Result.atMost(String.format(Locale.ROOT, "interaction 2xx → keep-in-touch day p99, %d/s", rate),
                    everyDayMoved ? latency.at(99) : Double.POSITIVE_INFINITY, 100,
                    "ms", String.format(Locale.ROOT, "%.0f/s achieved", logged.okAt().size() / logged.seconds())).record(options);
            Result.information(String.format(Locale.ROOT, "Kafka ack → keep-in-touch day p99, %d/s", rate),
                    String.format(Locale.ROOT, "%.1f ms", directLatency.at(99)), "reminders-service's own part").record(options);
            System.out.printf(Locale.ROOT, "agenda      p95 %.1f ms (floor <= 30 ms: %s)  %s  errors %d%n", agenda.latency().at(95),
                    held(agenda.latency().at(95) <= 30), agenda.latency().summary(), agenda.errors());
            System.out.printf(Locale.ROOT, "feed        p95 %.1f ms (floor <= 200 ms: %s)  %s  errors %d; %,d characters%n",
                    feed.latency().at(95), held(feed.latency().at(95) <= 200), feed.latency().summary(), feed.errors(), size);
            System.out.printf(Locale.ROOT, "logged      %d/s asked, %.0f/s achieved, %d failed; POST %s%n", rate,
                    logged.okAt().size() / logged.seconds(), logged.failures(), logged.post().summary());
            System.out.printf(Locale.ROOT, "2xx -> due  p99 %.1f ms (floor <= 100 ms at %d/s: %s)  %s; %d of %d recomputed%n",
                    latency.at(99), rate, held(latency.at(99) <= 100 && logged.failures() == 0), latency.summary(),
                    latency.count(), logged.okAt().size());

            System.out.printf(Locale.ROOT, "Kafka ack -> due  p99 %.1f ms (reminders-service's part, events at %d/s)  %s; %d of %d recomputed%n",
                    directLatency.at(99), rate, directLatency.summary(), directLatency.count(), published.okAt().size());
            if (options.containsKey("profile")) {
                // Interactions logged again, each with a contact not used yet, while one service is recorded.
                List<String> more = loop.subList(Math.min(loop.size(), loop.size() / 2 + rate * seconds), loop.size());
                Profile.run(java.nio.file.Path.of(options.get("profile")), reminders, seconds, () -> {
                    Logged again = logAtRate(stack, more.subList(0, Math.min(more.size(), rate * seconds)), rate);
                    return new Load.Result(again.okAt().size() / again.seconds(), again.post(), again.failures());
                }, options.getOrDefault("profile-service", "interactions-service"));
            }
        }
    }

    private static String held(boolean held) {
        return held ? "held" : "MISSED";
    }

    private static Call agenda(String base, int i) {
        return Call.get(base + "/v1/agenda?days=" + (i % 4 == 0 ? 30 : 7));
    }

    private static String feedUrl(String base, String token) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/v1/calendar-feeds"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\"}")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher url = URL.matcher(created.body());
        if (created.statusCode() != 201 || !url.find()) {
            throw new IllegalStateException("No feed: " + created.statusCode() + " " + created.body());
        }
        return url.group(1);
    }

    record Logged(Map<String, Instant> okAt, Percentiles post, int failures, double seconds) {
    }

    /**
     * Logs at {@code rate}/s for {@code seconds}, going round {@code contacts} as often as that takes. Each round is a
     * day later than the one before and the last is two days ago, so every interaction moves a keep-in-touch day, as
     * the measured ones (yesterday) do.
     */
    private static void warmUpLogging(LocalStack stack, List<String> contacts, int rate, int seconds) {
        int total = rate * seconds;
        int rounds = (total + contacts.size() - 1) / contacts.size();
        for (int round = 0; round < rounds; round++) {
            int size = Math.min(contacts.size(), total - round * contacts.size());
            logAtRate(stack, contacts.subList(0, size), rate, Instant.now().minus(1 + rounds - round, ChronoUnit.DAYS));
        }
    }

    /** Logs one interaction per contact at {@code rate}/s (open loop), each yesterday; the 2xx time per contact. */
    private static Logged logAtRate(LocalStack stack, List<String> contacts, int rate) {
        return logAtRate(stack, contacts, rate, Instant.now().minus(1, ChronoUnit.DAYS));
    }

    private static Logged logAtRate(LocalStack stack, List<String> contacts, int rate, Instant occurredAt) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create(stack.url(Service.INTERACTIONS) + "/v1/interactions");
        String token = BenchStack.token(stack, "loop", USER);
        String occurred = occurredAt.truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, Instant> okAt = new ConcurrentHashMap<>();
        Percentiles post = new Percentiles();
        AtomicInteger failures = new AtomicInteger();
        CompletableFuture<?>[] calls = new CompletableFuture<?>[contacts.size()];
        Pacer pacer = new Pacer(rate);
        long started = System.nanoTime();
        for (int i = 0; i < calls.length; i++) {
            pacer.awaitTurn(i);
            String contact = contacts.get(i);
            long sent = System.nanoTime();
            HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"call\",\"occurredAt\":\"" + occurred
                            + "\",\"participants\":[{\"contactId\":\"" + contact + "\"}],\"summary\":\"Caught up\"}"))
                    .build();
            calls[i] = client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
                Instant now = Instant.now();
                post.add((System.nanoTime() - sent) / 1e6);
                if (error == null && response.statusCode() == 201) {
                    okAt.put(contact, now);
                } else {
                    failures.incrementAndGet();
                }
                return null;
            });
        }
        CompletableFuture.allOf(calls).join();
        return new Logged(okAt, post, failures.get(), (System.nanoTime() - started) / 1e9);
    }

    /**
     * Publishes one interaction.logged.v1 per contact at {@code rate}/s as the outbox relay does (CloudEvents binary
     * mode, key = interaction id, acks=all); the acknowledgement time per contact.
     */
    private static Logged publishAtRate(LocalStack stack, List<String> contacts, int rate) throws Exception {
        Map<String, Instant> ackedAt = new ConcurrentHashMap<>();
        Percentiles send = new Percentiles();
        AtomicInteger failures = new AtomicInteger();
        String yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        Pacer pacer = new Pacer(rate);
        long started = System.nanoTime();
        try (org.apache.kafka.clients.producer.KafkaProducer<String, String> producer = new org.apache.kafka.clients.producer.KafkaProducer<>(
                Map.of(org.apache.kafka.clients.producer.ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infrastructure().kafka().bootstrapServers(),
                        org.apache.kafka.clients.producer.ProducerConfig.ACKS_CONFIG, "all",
                        org.apache.kafka.clients.producer.ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new org.apache.kafka.common.serialization.StringSerializer(), new org.apache.kafka.common.serialization.StringSerializer())) {
            for (int i = 0; i < contacts.size(); i++) {
                pacer.awaitTurn(i);
                String contact = contacts.get(i);
                String interaction = java.util.UUID.randomUUID().toString();
                org.apache.kafka.clients.producer.ProducerRecord<String, String> record = new org.apache.kafka.clients.producer.ProducerRecord<>(
                        "rapport.interactions.v1", interaction, """
                        {"interactionId":"%s","kind":"call","occurredAt":"%s","timeZone":"UTC","durationMinutes":null,
                         "initiatedBy":"me","participants":["%s"],"summary":"Caught up","followUp":null,"tags":[],
                         "visibility":"workspace","createdBy":"%s","source":"manual","version":0,
                         "createdAt":"%s","updatedAt":"%s"}""".formatted(interaction, yesterday, contact, USER, yesterday, yesterday));
                Map.of("ce_specversion", "1.0", "ce_id", java.util.UUID.randomUUID().toString(),
                                "ce_type", "dev.rapport.interaction.logged.v1", "ce_source", "/rapport/interactions-service",
                                "ce_subject", interaction, "ce_time", Instant.now().toString(), "ce_workspaceid", "loop",
                                "content-type", "application/json")
                        .forEach((name, value) -> record.headers().add(name, value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                long sent = System.nanoTime();
                producer.send(record, (metadata, error) -> {
                    send.add((System.nanoTime() - sent) / 1e6);
                    if (error == null) {
                        ackedAt.put(contact, Instant.now());
                    } else {
                        failures.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        return new Logged(ackedAt, send, failures.get(), (System.nanoTime() - started) / 1e9);
    }

    /**
     * Waits (up to two minutes) until each contact's keep-in-touch counts from its interaction; the 2xx -> update times.
     * Also prints their p99 per two seconds of the phase, so a tail from one stall tells itself apart from a steady one.
     */
    private static Percentiles recomputed(String jdbcUrl, Map<String, Instant> okAt, String label) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        Instant first = okAt.values().stream().min(Instant::compareTo).orElse(Instant.EPOCH);
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            while (true) {
                Percentiles latency = new Percentiles();
                SortedMap<Long, Percentiles> overTime = new TreeMap<>();
                try (ResultSet rows = c.createStatement().executeQuery("""
                        select contact_id::text, updated_at from reminder
                         where workspace_id = 'loop' and kind = 'keep-in-touch' and last_interaction_on is not null""")) {
                    while (rows.next()) {
                        Instant ok = okAt.get(rows.getString(1));
                        if (ok != null) {
                            Instant dayMoved = rows.getObject(2, OffsetDateTime.class).toInstant();
                            double millis = Duration.between(ok, dayMoved).toNanos() / 1e6;
                            latency.add(millis);
                            long window = Duration.between(first, ok).toSeconds() / 2;
                            overTime.computeIfAbsent(window, w -> new Percentiles()).add(millis);
                        }
                    }
                }
                if (latency.count() >= okAt.size() || System.nanoTime() > deadline) {
                    StringBuilder line = new StringBuilder(label + ", p99 per 2 s of the phase (ms):");
                    overTime.values().forEach(window -> line.append(String.format(Locale.ROOT, " %.0f", window.at(99))));
                    System.out.println(line);
                    return latency;
                }
                Thread.sleep(500);
            }
        }
    }

    /**
     * A workspace of contacts tagged {@code bench} with the tag's 30-day cadence, each with an interaction 0-119 days
     * ago (and its keep-in-touch day from it, already announced as the due scheduler would have), one in ten with a
     * birthday; with {@code user}, 1,000 one-off reminders of the bench user, due within 60 days either side of today.
     */
    private static void seedKeepInTouch(String jdbcUrl, String workspace, int contacts, boolean user) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(projection(workspace, contacts, "bench", true));
            s.execute("""
                    insert into interaction_seen (workspace_id, interaction_id, version, deleted)
                    select '%1$s', md5('%1$s:interaction:' || k)::uuid, 0, false from generate_series(1, %2$d) k;
                    insert into interaction_touch (workspace_id, interaction_id, contact_id, occurred_at, occurred_on)
                    select '%1$s', md5('%1$s:interaction:' || k)::uuid, md5('%1$s:contact:' || k)::uuid,
                           now() - make_interval(days => k %% 120), cast(now() - make_interval(days => k %% 120) as date)
                      from generate_series(1, %2$d) k;
                    insert into cadence (id, workspace_id, tag, tag_key, every, created_by, created_at, updated_at, version)
                    values (rapport_uuid_v7(), '%1$s', 'bench', 'bench', 'P30D', '%3$s', now(), now(), 0);
                    insert into reminder (id, workspace_id, kind, contact_id, set_for_contact_id, due_on, due_at,
                                          announced_due_at, every, status, since_on, last_interaction_on, created_at,
                                          updated_at, version)
                    select rapport_uuid_v7(), '%1$s', 'keep-in-touch', t.contact_id, t.contact_id, d, cast(d as timestamp) at time zone 'UTC',
                           cast(d as timestamp) at time zone 'UTC', 'P30D', 'open', current_date, t.occurred_on, now(), now(), 0
                      from interaction_touch t, lateral (select cast(t.occurred_on + interval 'P30D' as date) d) x
                     where t.workspace_id = '%1$s'
                    """.formatted(workspace, contacts, USER));
            if (user) {
                s.execute(oneOffs(workspace, 1_000, 60, false));
            }
        }
    }

    /** The feed's user: 4,000 reminders within a year (one in five at 09:30 in a zone) and 1,000 contacts' birthdays. */
    private static void seedFeed(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(projection("feed", FEED_BIRTHDAYS, "friend", false));
            s.execute("""
                    update contact_projection set birthday_month = 1 + abs(hashtext(contact_id::text)) % 12,
                                                  birthday_day = 1 + abs(hashtext(contact_id::text) / 12) % 28
                     where workspace_id = 'feed'""");
            s.execute(oneOffs("feed", FEED_REMINDERS, 182, true));
        }
    }

    /** Contacts known to both services (as their contact events would have made them), tagged loop, with a cadence. */
    private static List<String> seedLoop(String remindersDb, String interactionsDb) throws Exception {
        for (String db : List.of(remindersDb, interactionsDb)) {
            try (Connection c = DriverManager.getConnection(db, "postgres", ""); Statement s = c.createStatement()) {
                s.execute(projection("loop", LOOP_CONTACTS, "loop", false));
            }
        }
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(remindersDb, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("""
                    insert into cadence (id, workspace_id, tag, tag_key, every, created_by, created_at, updated_at, version)
                    values (rapport_uuid_v7(), 'loop', 'loop', 'loop', 'P30D', '%1$s', now(), now(), 0);
                    insert into reminder (id, workspace_id, kind, contact_id, set_for_contact_id, due_on, due_at, every,
                                          status, since_on, created_at, updated_at, version)
                    select rapport_uuid_v7(), 'loop', 'keep-in-touch', contact_id, contact_id, current_date + 30,
                           cast(current_date + 30 as timestamp) at time zone 'UTC', 'P30D', 'open', current_date, now(), now(), 0
                      from contact_projection where workspace_id = 'loop'
                    """.formatted(USER));
            try (ResultSet rows = s.executeQuery("select contact_id::text from contact_projection where workspace_id = 'loop' order by contact_id")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        java.util.Collections.shuffle(ids, new java.util.Random(14));
        return ids;
    }

    private static String projection(String workspace, int contacts, String tag, boolean birthdays) {
        return """
                insert into contact_projection (contact_id, workspace_id, display_name, emails, updated_at, version, owner_id,
                                                visibility, tags, birthday_month, birthday_day, birthday_year)
                select md5('%1$s:contact:' || k)::uuid, '%1$s', 'Contact ' || k, '[]', now(), 1, '%2$s', 'workspace',
                       '["%3$s"]', case when %4$s and k %% 10 = 0 then 1 + k %% 12 end,
                       case when %4$s and k %% 10 = 0 then 1 + k %% 28 end, case when %4$s and k %% 20 = 0 then 1980 + k %% 30 end
                  from generate_series(1, %5$d) k
                """.formatted(workspace, USER, tag, birthdays, contacts);
    }

    private static String oneOffs(String workspace, int count, int spreadDays, boolean timed) {
        return """
                insert into reminder (id, workspace_id, kind, owner_id, text, due_on, due_time, time_zone, due_at,
                                      announced_due_at, status, created_at, updated_at, version)
                select rapport_uuid_v7(), '%1$s', 'one-off', '%2$s', 'Reminder ' || k || ': send the notes', d, t, z,
                       case when t is null then cast(d as timestamp) at time zone 'UTC' else (d + t) at time zone z end,
                       case when d < current_date then case when t is null then cast(d as timestamp) at time zone 'UTC' else (d + t) at time zone z end end,
                       'open', now(), now(), 0
                  from generate_series(1, %3$d) k,
                  lateral (select current_date + (k %% (2 * %4$d)) - %5$d as d,
                                  case when %6$s and k %% 5 = 0 then time '09:30' end as t,
                                  case when %6$s and k %% 5 = 0 then (array['Europe/Paris', 'America/New_York', 'Asia/Tokyo'])[1 + k %% 3] end as z) x
                """.formatted(workspace, USER, count, spreadDays, timed ? 0 : spreadDays, timed);
    }

    private static void vacuum(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("vacuum analyze");
        }
    }
}
