package dev.rapport.bench;

import dev.rapport.bench.Load.Call;
import dev.rapport.local.LocalStack;
import dev.rapport.local.LocalStack.Service;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 13's interactions benchmark, against a durable PostgreSQL (fsync on) holding 100,000 interactions in one
 * workspace, spread over 2,000 contacts of its contact projection (about 50 each), and 10,000 in each of 10 others:
 * {@code POST /v1/interactions} throughput at 32 connections as a ratio to {@code pgbench -N} on the same server in
 * the same run; a contact's timeline page p95 (limit 50, following nextCursor now and then), the log's first page and
 * {@code q=} search, one connection; and a generated 5,000-event .ics file imported through
 * {@code POST /v1/calendar-imports}, where the service has it. Options:
 * {@code --seconds=20 --warmup=60 --clients=32 --home=DIR --pgbench=PATH}, and {@code --profile=DIR}: after the
 * table, as many seconds of POSTs again while interactions-service records a JFR file into DIR and PostgreSQL's
 * wait events are sampled.
 */
public final class InteractionsApiBench {

    private static final String WORKSPACE = "bench";
    private static final String USER = "bench-user";
    private static final int CONTACTS = 2_000;
    private static final int INTERACTIONS = 100_000;
    private static final int OTHER_WORKSPACES = 10;
    private static final int OTHER_INTERACTIONS = 10_000;
    private static final int ICS_EVENTS = 5_000;
    private static final String[] KINDS = {"meeting", "call", "video_call", "email", "message", "social", "event", "note"};
    private static final String[] INITIATORS = {"me", "them", "mutual"};
    /** Words of summaries and notes; each interaction has about four, so a word matches about one in ten. */
    private static final String[] WORDS = {"roadmap", "hiring", "funding", "conference", "paper", "review", "launch",
            "pricing", "contract", "migration", "research", "keynote", "workshop", "podcast", "mentoring", "budget",
            "partnership", "feedback", "interview", "prototype", "security", "compiler", "database", "kernel", "design",
            "marketing", "onboarding", "renewal", "coffee", "dinner", "sailing", "climbing", "garden", "travel", "music",
            "chess", "football", "wedding", "birthday", "holiday"};
    private static final String[] GIVEN = {"Ada", "Grace", "Katherine", "Dorothy", "Mary", "Alan", "Edsger", "Barbara",
            "Donald", "Margaret", "Linus", "Radia", "Frances", "Tim", "Sophie", "Hedy", "John", "Anita", "Ken", "Lynn"};
    private static final String[] FAMILY = {"Lovelace", "Hopper", "Johnson", "Vaughan", "Jackson", "Turing", "Dijkstra",
            "Liskov", "Knuth", "Hamilton", "Torvalds", "Perlman", "Allen", "Wilson", "Lamarr", "McCarthy", "Borg",
            "Thompson", "Conway", "Nakamura", "Okafor", "Silva", "Novak", "Schmidt", "Moreau"};
    private static final DateTimeFormatter ICS_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");
    private static final Pattern COUNTS = Pattern.compile("\"counts\"\\s*:\\s*(\\{[^}]*})");

    private InteractionsApiBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchStack.options(args);
        BenchStack.Run run = BenchStack.Run.of(options);

        try (LocalStack stack = BenchStack.start(options)) {
            int pgPort = stack.infrastructure().postgres().port();
            String db = stack.infrastructure().postgres().jdbcUrl(Service.INTERACTIONS.database);
            System.out.println("Seeding 2,000 contacts with 100,000 interactions in one workspace and 10,000 in each of 10 others ...");
            Map<String, List<String>> contacts = seed(db);
            List<String> ids = contacts.get(WORKSPACE);
            System.out.println("Initialising pgbench (scale 10) on the same server ...");
            BenchStack.pgbench(run.pgbench(), pgPort, true, "-i", "-q", "-s", "10");

            String base = stack.url(Service.INTERACTIONS);
            String token = BenchStack.token(stack, WORKSPACE, USER);
            // The warm-up logs into another workspace, so the reads below see the seeded 100,000 and no more.
            List<String> warmIds = contacts.get("other-1");
            Load warmLoad = new Load(BenchStack.token(stack, "other-1", USER), run.clients());
            Load load = new Load(token, run.clients());
            Load one = new Load(token, 1);

            System.out.printf(Locale.ROOT, "Warm-up: %d s of POSTs, then every measured read%n", run.warmup());
            warmLoad.closedLoop(run.warmup(), i -> log(base, warmIds));
            CursorWalker warmTimeline = CursorWalker.timeline(base, ids);
            one.closedLoop(Math.max(1, run.warmup() / 3), warmTimeline::next);
            CursorWalker warmList = CursorWalker.log(base);
            one.closedLoop(Math.max(1, run.warmup() / 3), warmList::next);
            one.closedLoop(Math.max(1, run.warmup() / 3), i -> Call.get(base + "/v1/interactions?limit=50&q=" + searchTerm(i)));
            Profile.settle(Duration.ofSeconds(3L * run.warmup()));

            System.out.printf(Locale.ROOT, "GET /v1/contacts/{id}/timeline?limit=50 (following nextCursor 1 in 4), 1 connection, %d s%n", run.seconds());
            CursorWalker timelineWalker = CursorWalker.timeline(base, ids);
            Load.Result timeline = one.closedLoop(run.seconds(), timelineWalker::next);
            System.out.printf(Locale.ROOT, "GET /v1/interactions?limit=50 (following nextCursor 1 in 4), 1 connection, %d s%n", run.seconds());
            CursorWalker listWalker = CursorWalker.log(base);
            Load.Result list = one.closedLoop(run.seconds(), listWalker::next);
            System.out.printf(Locale.ROOT, "GET /v1/interactions?limit=50&q=<word>, 1 connection, %d s%n", run.seconds());
            Load.Result search = one.closedLoop(run.seconds(), i -> Call.get(base + "/v1/interactions?limit=50&q=" + searchTerm(i)));

            System.out.printf(Locale.ROOT, "pgbench -N, %d clients, %d s%n", run.clients(), run.seconds());
            double pgWrite = BenchStack.pgbench(run.pgbench(), pgPort, false, "-N", "-c", String.valueOf(run.clients()), "-j", "2", "-T", String.valueOf(run.seconds()));
            System.out.printf(Locale.ROOT, "POST /v1/interactions, %d connections, %d s%n", run.clients(), run.seconds());
            Profile.resetStatements(db);
            Map<String, Duration> cpuBefore = Profile.cpu();
            long postStarted = System.nanoTime();
            Load.Result post = load.closedLoop(run.seconds(), i -> log(base, ids));
            Profile.printCpu(cpuBefore, Profile.cpu(), (System.nanoTime() - postStarted) / 1e9);
            Profile.printStatements(db, 10, (int) Math.max(1, Math.round(post.throughput() * run.seconds())), "POST");
            long outbox = count(db, "select count(*) from outbox_event");
            settle(stack.infrastructure().postgres().jdbcUrl(Service.REMINDERS.database), outbox);

            // Like every other scenario, the import is measured warm: a first file of other events compiles the
            // calendar path (a service's first import spends about half its CPU in the JIT compiler).
            System.out.printf(Locale.ROOT, "Warm-up: POST /v1/calendar-imports, another generated %,d-event .ics file%n", ICS_EVENTS);
            CalendarImport warm = importCalendar(base, token, ics(ids.size(), "warm-"));
            System.out.printf(Locale.ROOT, "  %s%n", warm.seconds() == null ? warm.line()
                    : String.format(Locale.ROOT, "done in %.2f s (not measured)", warm.seconds()));
            Profile.settle(Duration.ofSeconds(3L * run.warmup()));
            System.out.printf(Locale.ROOT, "POST /v1/calendar-imports, a generated %,d-event .ics file%n", ICS_EVENTS);
            Profile.resetStatements(db);
            CalendarImport ics = importCalendar(base, token, ics(ids.size(), "bench-"));
            Profile.printStatements(db, 10, ICS_EVENTS, "event of the file");

            System.out.println();
            System.out.println("== Interactions API (durable PostgreSQL; load generator on the same machine) ==");
            Result.ratio("interactions POST, 32 connections", post.throughput(), "req/s", pgWrite, "pgbench -N", 0.3).record(options);
            Result.atMost("interactions timeline page p95", timeline.latency().at(95), 15, "ms", "—").record(options);
            Result.information("interactions q= search p95", String.format(Locale.ROOT, "%.1f ms", search.latency().at(95)), "—")
                    .record(options);
            if (ics.seconds() != null) {
                Result.atMost(String.format(Locale.ROOT, ".ics import, %,d events", ICS_EVENTS), ics.seconds() * 1000, 5000,
                        "ms", "—").record(options);
            }
            System.out.printf(Locale.ROOT, "POST        %8.0f req/s  %s  vs pgbench -N %8.0f tps  ratio %.2f (floor >= 0.3: %s)%n",
                    post.throughput(), post.latency().summary(), pgWrite, post.throughput() / pgWrite,
                    held(post.throughput() / pgWrite >= 0.3));
            System.out.printf(Locale.ROOT, "timeline    p95 %.1f ms (floor <= 15 ms: %s)  %s%n", timeline.latency().at(95),
                    held(timeline.latency().at(95) <= 15), timeline.latency().summary());
            System.out.printf(Locale.ROOT, "log page    p95 %.1f ms (information)  %s%n", list.latency().at(95), list.latency().summary());
            System.out.printf(Locale.ROOT, "search q=   p95 %.1f ms (information)  %s%n", search.latency().at(95), search.latency().summary());
            System.out.printf(Locale.ROOT, "ics import  %s%n", ics.line());
            System.out.printf(Locale.ROOT, "errors: post %d, timeline %d, log page %d, search %d; outbox rows after the POSTs: %,d%n",
                    post.errors(), timeline.errors(), list.errors(), search.errors(), outbox);

            if (options.containsKey("profile")) {
                Profile.run(Path.of(options.get("profile")), db, run.seconds(), () -> load.closedLoop(run.seconds(), i -> log(base, ids)));
            }
        }
    }

    private static String held(boolean held) {
        return held ? "held" : "MISSED";
    }

    /** An interaction with one participant, or two in one of three, of the given workspace's contacts. */
    private static Call log(String base, List<String> contactIds) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String first = contactIds.get(r.nextInt(contactIds.size()));
        String participants = "{\"contactId\":\"" + first + "\"}";
        if (r.nextInt(3) == 0) {
            String second = contactIds.get(r.nextInt(contactIds.size()));
            if (!second.equals(first)) {
                participants += ",{\"contactId\":\"" + second + "\"}";
            }
        }
        String occurredAt = Instant.now().minus(r.nextInt(60 * 24 * 90), ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
        String body = "{\"kind\":\"" + KINDS[r.nextInt(KINDS.length)] + "\",\"occurredAt\":\"" + occurredAt
                + "\",\"durationMinutes\":30,\"initiatedBy\":\"" + INITIATORS[r.nextInt(INITIATORS.length)]
                + "\",\"participants\":[" + participants + "],\"summary\":\"Talked about " + word(r) + " and " + word(r)
                + "\",\"notes\":\"Follow up on the " + word(r) + " and send the " + word(r) + " notes.\",\"tags\":[\"bench\"]}";
        return new Call(HttpRequest.newBuilder(URI.create(base + "/v1/interactions")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 201);
    }

    private static String word(ThreadLocalRandom r) {
        return WORDS[r.nextInt(WORDS.length)];
    }

    /** A common word (about one interaction in ten) or, every other time, a rare one (one contact's worth). */
    private static String searchTerm(int i) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return i % 2 == 0 ? word(r) : "topic" + (1 + r.nextInt(CONTACTS)) + "x";
    }

    /**
     * One connection's reading: a first page, and now and then (one time in four) the page its nextCursor names
     * instead of a new first page.
     */
    private static final class CursorWalker {
        private static final Pattern NEXT = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");
        private final java.util.function.Supplier<String> firstPages;
        private String nextPage;

        private CursorWalker(java.util.function.Supplier<String> firstPages) {
            this.firstPages = firstPages;
        }

        static CursorWalker timeline(String base, List<String> contactIds) {
            return new CursorWalker(() -> base + "/v1/contacts/" + contactIds.get(ThreadLocalRandom.current().nextInt(contactIds.size()))
                    + "/timeline?limit=50");
        }

        static CursorWalker log(String base) {
            return new CursorWalker(() -> base + "/v1/interactions?limit=50");
        }

        Call next(int i) {
            String url = nextPage != null ? nextPage : firstPages.get();
            nextPage = null;
            return new Call(HttpRequest.newBuilder(URI.create(url)).GET().build(), 200, body -> follow(url, body));
        }

        private void follow(String url, String body) {
            Matcher next = NEXT.matcher(body);
            if (ThreadLocalRandom.current().nextInt(4) == 0 && next.find()) {
                String withoutCursor = url.replaceAll("&cursor=[^&]*", "");
                nextPage = withoutCursor + "&cursor=" + URLEncoder.encode(next.group(1), StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * The contact projection (2,000 contacts in the bench workspace, 200 in each other, emails c{n}@example.org) and
     * the interactions with their participant rows: one contact each, a second in one of ten, times 5 minutes apart
     * in the bench workspace (a year) and 50 minutes apart in the others. Returns each workspace's contact ids.
     */
    static Map<String, List<String>> seed(String jdbcUrl) throws Exception {
        String at = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, List<String>> ids = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement()) {
            String given = ContactsApiBench.sqlArray(GIVEN);
            String family = ContactsApiBench.sqlArray(FAMILY);
            String kinds = ContactsApiBench.sqlArray(KINDS);
            String initiators = ContactsApiBench.sqlArray(INITIATORS);
            String words = ContactsApiBench.sqlArray(WORDS);
            for (int w = 0; w <= OTHER_WORKSPACES; w++) {
                String workspace = w == 0 ? WORKSPACE : "other-" + w;
                int contacts = w == 0 ? CONTACTS : CONTACTS / 10;
                int count = w == 0 ? INTERACTIONS : OTHER_INTERACTIONS;
                int spacing = INTERACTIONS / count * 300;
                s.execute("""
                        insert into contact_projection (contact_id, workspace_id, display_name, emails, updated_at, version,
                            owner_id, visibility, tags)
                        select md5('%1$s:contact:' || k)::uuid, '%1$s', (%2$s)[1 + k %% %3$d] || ' ' || (%4$s)[1 + k %% %5$d],
                            jsonb_build_array('c' || k || '@example.org'), now(), 1, '%6$s', 'workspace', '["bench"]'
                        from generate_series(1, %7$d) k
                        """.formatted(workspace, given, GIVEN.length, family, FAMILY.length, USER, contacts));
                s.execute("""
                        insert into interaction (id, workspace_id, kind, occurred_at, time_zone, duration_minutes, channel,
                            location, initiated_by, summary, notes, tags, visibility, source, created_by, created_at,
                            updated_at, version, search_text)
                        select md5('%1$s:interaction:' || i)::uuid, '%1$s', (%2$s)[1 + i %% %3$d], t, 'UTC', 30, 'Zoom',
                            'London', (%4$s)[1 + i %% 3], sm, nt, '["bench"]', 'workspace', 'manual', '%5$s', t, t, 0,
                            sm || ' ' || nt
                        from generate_series(1, %6$d) i,
                        lateral (select timestamptz '%7$s' - make_interval(secs => i * %8$d) t,
                                        (%9$s)[1 + i %% %10$d] w1, (%9$s)[1 + (i / 7) %% %10$d] w2,
                                        (%9$s)[1 + (i / 49) %% %10$d] w3, (%9$s)[1 + (i / 343) %% %10$d] w4) v,
                        lateral (select 'talked about ' || w1 || ' and ' || w2 sm,
                                        'follow up on the ' || w3 || ' and the ' || w4 || ' topic' || (1 + i %% %11$d) || 'x' nt) x
                        """.formatted(workspace, kinds, KINDS.length, initiators, USER, count, at, spacing, words,
                        WORDS.length, contacts));
                s.execute("""
                        insert into interaction_participant (interaction_id, logged_contact_id, workspace_id, contact_id,
                            position, shadowed, occurred_at)
                        select md5('%1$s:interaction:' || i)::uuid, p, '%1$s', p, n, false,
                            timestamptz '%2$s' - make_interval(secs => i * %3$d)
                        from generate_series(1, %4$d) i,
                        lateral (select md5('%1$s:contact:' || (1 + i %% %5$d))::uuid p, 1 n
                                 union all
                                 select md5('%1$s:contact:' || (1 + (i %% %5$d + 1 + (i / 10) %% (%5$d - 1)) %% %5$d))::uuid, 2
                                  where i %% 10 = 0) q
                        """.formatted(workspace, at, spacing, count, contacts));
                List<String> workspaceIds = new ArrayList<>();
                try (ResultSet rows = s.executeQuery("select contact_id from contact_projection where workspace_id = '"
                        + workspace + "' order by contact_id")) {
                    while (rows.next()) {
                        workspaceIds.add(rows.getString(1));
                    }
                }
                ids.put(workspace, workspaceIds);
            }
            s.execute("vacuum analyze contact_projection");
            s.execute("vacuum analyze interaction");
            s.execute("vacuum analyze interaction_participant");
        }
        return ids;
    }

    /**
     * Waits until reminders-service has applied every interaction event logged so far: each scenario runs on a
     * settled stack, so the import below is not timed while the consumers still work off the POST load's events.
     */
    private static void settle(String remindersDb, long events) throws Exception {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.MINUTES.toNanos(5);
        long applied;
        while ((applied = count(remindersDb, "select count(*) from inbox_event where consumer = 'reminders.interactions'")) < events
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        System.out.printf(Locale.ROOT, "reminders-service applied %,d of %,d interaction events; waited %.1f s for it%n",
                applied, events, (System.nanoTime() - started) / 1e9);
    }

    private static long count(String jdbcUrl, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** @param seconds null when the import did not finish */
    record CalendarImport(String line, Double seconds) {
        CalendarImport(String line) {
            this(line, null);
        }
    }

    /** Posts the file and polls the job until it is done (or failed); skipped where the service has no such endpoint. */
    private static CalendarImport importCalendar(String base, String token, String ics) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // An empty file first: 422 where the endpoint exists, 404/405 where it does not. The file itself would not
        // tell (over the default 1 MiB body limit, a service without the upload path answers 413 before routing).
        HttpResponse<String> probe = http.send(calendarImport(base, token, ""), HttpResponse.BodyHandlers.ofString());
        if (probe.statusCode() == 404 || probe.statusCode() == 405) {
            return new CalendarImport("SKIPPED: POST /v1/calendar-imports answered " + probe.statusCode()
                    + " (this build of interactions-service has no calendar imports); floor 5,000 events <= 5 s not measured");
        }
        long started = System.nanoTime();
        HttpResponse<String> accepted = http.send(calendarImport(base, token, ics), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            return new CalendarImport("REFUSED: " + accepted.statusCode() + " " + abbreviate(accepted.body()));
        }
        URI job = URI.create(accepted.headers().firstValue("Location").orElseThrow());
        long deadline = started + TimeUnit.MINUTES.toNanos(2);
        String body = accepted.body();
        while (System.nanoTime() < deadline) {
            Matcher status = STATUS.matcher(body);
            if (status.find() && (status.group(1).equals("done") || status.group(1).equals("failed"))) {
                double wall = (System.nanoTime() - started) / 1e9;
                Matcher counts = COUNTS.matcher(body);
                String figures = counts.find() ? counts.group(1) : "";
                if (status.group(1).equals("failed")) {
                    return new CalendarImport("FAILED after " + String.format(Locale.ROOT, "%.1f s: ", wall) + abbreviate(body));
                }
                return new CalendarImport(String.format(Locale.ROOT, "%,d events in %.2f s (floor <= 5 s: %s)  counts %s",
                        ICS_EVENTS, wall, held(wall <= 5), figures), wall);
            }
            Thread.sleep(50);
            body = http.send(HttpRequest.newBuilder(job).header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }
        return new CalendarImport("NOT DONE after 2 minutes: " + abbreviate(body));
    }

    private static HttpRequest calendarImport(String base, String token, String ics) {
        return HttpRequest.newBuilder(URI.create(base + "/v1/calendar-imports")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/calendar").POST(HttpRequest.BodyPublishers.ofString(ics)).build();
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }

    /**
     * A calendar export of {@value #ICS_EVENTS} VEVENTs within the last year: one in ten a weekly series of eight,
     * the rest single events; every event has one or two attendees among the bench workspace's contact emails
     * ({@code c1..c<contacts>@example.org}), a few one more unknown to Rapport; some in Europe/Paris time. CRLF lines.
     */
    static String ics(int contacts, String uidPrefix) {
        StringBuilder out = new StringBuilder(ICS_EVENTS * 400);
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        java.util.Random r = new java.util.Random(13);
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Rapport//bench//EN");
        line(out, "CALSCALE:GREGORIAN");
        for (int e = 0; e < ICS_EVENTS; e++) {
            boolean series = e % 10 == 0;
            // A series of eight weekly meetings ends at least a week ago; a single event is in the last 330 days.
            int daysAgo = series ? 63 + r.nextInt(270) : 1 + r.nextInt(330);
            Instant start = now.minus(daysAgo, ChronoUnit.DAYS).minus(r.nextInt(10), ChronoUnit.HOURS);
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + uidPrefix + e + "@rapport.test");
            line(out, "DTSTAMP:" + ICS_UTC.format(now));
            if (e % 7 == 0) {
                java.time.LocalDateTime local = java.time.LocalDateTime.ofInstant(start, java.time.ZoneId.of("Europe/Paris"));
                String at = local.format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
                line(out, "DTSTART;TZID=Europe/Paris:" + at);
                line(out, "DTEND;TZID=Europe/Paris:" + local.plusMinutes(45).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")));
            } else {
                line(out, "DTSTART:" + ICS_UTC.format(start));
                line(out, "DTEND:" + ICS_UTC.format(start.plus(30, ChronoUnit.MINUTES)));
            }
            if (series) {
                line(out, "RRULE:FREQ=WEEKLY;COUNT=8");
            }
            line(out, "SUMMARY:" + (series ? "Weekly " : "") + WORDS[r.nextInt(WORDS.length)] + " sync");
            line(out, "DESCRIPTION:About the " + WORDS[r.nextInt(WORDS.length)] + " and the " + WORDS[r.nextInt(WORDS.length)]);
            line(out, "LOCATION:Room " + (1 + r.nextInt(20)));
            line(out, "ORGANIZER;CN=Bench User:mailto:" + USER + "@example.org");
            int attendees = 1 + (e % 3 == 0 ? 1 : 0);
            for (int a = 0; a < attendees; a++) {
                int k = 1 + r.nextInt(contacts);
                line(out, "ATTENDEE;CN=Contact " + k + ";PARTSTAT=ACCEPTED:mailto:C" + k + "@Example.org");
            }
            if (e % 11 == 0) {
                line(out, "ATTENDEE;CN=Someone Else:mailto:stranger" + e + "@elsewhere.test");
            }
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static void line(StringBuilder out, String line) {
        out.append(line).append("\r\n");
    }
}
