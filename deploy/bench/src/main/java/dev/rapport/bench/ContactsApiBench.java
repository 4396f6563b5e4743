package dev.rapport.bench;

import dev.rapport.local.LocalStack;
import dev.rapport.local.LocalStack.Service;
import dev.rapport.bench.Load.Call;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue "Contacts API" benchmark, against a durable PostgreSQL (fsync on) holding 100,000 contacts in one
 * workspace and 10,000 in each of 10 others: GET by id and POST throughput at 32 connections as ratios to
 * {@code pgbench -S -M prepared} and {@code pgbench -N} on the same server in the same run; search and list
 * page latency. Options: {@code --seconds=20 --warmup=60 --clients=32 --home=DIR --pgbench=PATH}. The JVMs take about
 * a minute of load before the JIT has compiled the request path, hence the long warm-up.
 */
public final class ContactsApiBench {

    private static final String WORKSPACE = "bench";
    private static final String USER = "bench-user";
    private static final String[] GIVEN = {"Ada", "Grace", "Katherine", "Dorothy", "Mary", "Alan", "Edsger", "Barbara",
            "Donald", "Margaret", "Linus", "Radia", "Frances", "Tim", "Sophie", "Hedy", "John", "Anita", "Ken", "Lynn",
            "Maria", "José", "Zoë", "Björn", "Chloé", "Noël", "Renée", "Søren", "Ingrid", "Lars"};
    private static final String[] FAMILY = {"Lovelace", "Hopper", "Johnson", "Vaughan", "Jackson", "Turing", "Dijkstra",
            "Liskov", "Knuth", "Hamilton", "Torvalds", "Perlman", "Allen", "Berners-Lee", "Wilson", "Lamarr", "McCarthy",
            "Borg", "Thompson", "Conway", "García", "Müller", "Ångström", "Nørgaard", "Dubois", "Rossi", "Kowalski",
            "Nakamura", "Okafor", "Silva", "Novak", "Schmidt", "Martin", "Larsen", "Moreau", "Costa", "Ivanova",
            "Tanaka", "Kim", "Singh"};
    private static final String[] COMPANIES = {"Acme", "Initech", "Globex", "Umbrella", "Hooli", "Stark Industries",
            "Wayne Enterprises", "Tyrell", "Cyberdyne", "Soylent", "Aperture", "Black Mesa", "Pied Piper", "Vandelay"};
    private static final String[] CITIES = {"London", "Paris", "Berlin", "Lisbon", "Oslo", "Boston", "Austin", "Tokyo", "Lagos", "São Paulo"};

    private ContactsApiBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchStack.options(args);
        BenchStack.Run run = BenchStack.Run.of(options);
        int seconds = run.seconds();
        int warmup = run.warmup();
        int clients = run.clients();
        String pgbench = run.pgbench();

        try (LocalStack stack = BenchStack.start(options)) {
            int pgPort = stack.infrastructure().postgres().port();
            String contactsDb = stack.infrastructure().postgres().jdbcUrl("contacts");
            System.out.println("Seeding 100,000 contacts in one workspace and 10,000 in each of 10 others ...");
            List<String> ids = seed(contactsDb);
            System.out.println("Initialising pgbench (scale 10) on the same server ...");
            BenchStack.pgbench(pgbench, pgPort, true, "-i", "-q", "-s", "10");

            String base = stack.url(Service.CONTACTS);
            String token = BenchStack.token(stack, WORKSPACE, USER);
            Load load = new Load(token, clients);

            System.out.printf(Locale.ROOT, "Warm-up: %d s of mixed reads and writes%n", warmup);
            load.closedLoop(warmup, i -> Load.Call.get(base + "/v1/contacts/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size()))));
            load.closedLoop(Math.max(1, warmup / 2), i -> post(base, i));
            // Every measured path is warmed, or the JIT compiles the search path while it is being timed.
            Load warmOne = new Load(token, 1);
            warmOne.closedLoop(Math.max(1, warmup / 3), i -> Load.Call.get(base + "/v1/contacts?limit=20&q=" + encode(searchTerm(i))));
            PageWalker warmWalker = new PageWalker(base);
            warmOne.closedLoop(Math.max(1, warmup / 3), warmWalker::next);
            Profile.settle(Duration.ofSeconds(3L * warmup));

            System.out.printf(Locale.ROOT, "pgbench -S -M prepared, %d clients, %d s%n", clients, seconds);
            double pgRead = BenchStack.pgbench(pgbench, pgPort, false, "-S", "-M", "prepared", "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds));
            System.out.printf(Locale.ROOT, "GET /v1/contacts/{id}, %d connections, %d s%n", clients, seconds);
            Load.Result get = load.closedLoop(seconds, i -> Load.Call.get(base + "/v1/contacts/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size()))));

            System.out.printf(Locale.ROOT, "pgbench -N, %d clients, %d s%n", clients, seconds);
            double pgWrite = BenchStack.pgbench(pgbench, pgPort, false, "-N", "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds));
            System.out.printf(Locale.ROOT, "POST /v1/contacts, %d connections, %d s%n", clients, seconds);
            Load.Result post = load.closedLoop(seconds, i -> post(base, 1_000_000 + i));
            Profile.settle(Duration.ofSeconds(3L * warmup));

            Load one = new Load(token, 1);
            System.out.printf(Locale.ROOT, "GET /v1/contacts?q=..., 1 connection, %d s%n", seconds);
            Load.Result search = one.closedLoop(seconds, i -> Load.Call.get(base + "/v1/contacts?limit=20&q=" + encode(searchTerm(i))));
            System.out.printf(Locale.ROOT, "GET /v1/contacts?q=<a word every contact has>, 1 connection, %d s%n", seconds);
            Load.Result everywhere = one.closedLoop(seconds, i -> Load.Call.get(base + "/v1/contacts?limit=20&q=engineer"));
            System.out.printf(Locale.ROOT, "GET /v1/contacts pages (limit 50, following nextCursor), 1 connection, %d s%n", seconds);
            PageWalker walker = new PageWalker(base);
            Load.Result list = one.closedLoop(seconds, walker::next);

            System.out.println();
            System.out.println("== Contacts API (durable PostgreSQL; load generator on the same machine) ==");
            Result.ratio("contacts GET by id, 32 connections", get.throughput(), "req/s", pgRead, "pgbench -S -M prepared", 0.2).record(options);
            Result.atMost("contacts GET by id p99", get.latency().at(99), 20, "ms", "—").record(options);
            Result.ratio("contacts POST, 32 connections", post.throughput(), "req/s", pgWrite, "pgbench -N", 0.3).record(options);
            Result.atMost("contacts list page p95 (100,000)", list.latency().at(95), 15, "ms", "—").record(options);
            Result.atMost("contacts q= search p95 (100,000)", search.latency().at(95), 30, "ms", "—").record(options);
            System.out.printf(Locale.ROOT, "GET by id   %8.0f req/s  %s  vs pgbench -S -M prepared %8.0f tps  ratio %.2f (floor >= 0.2, p99 <= 20 ms)%n",
                    get.throughput(), get.latency().summary(), pgRead, get.throughput() / pgRead);
            System.out.printf(Locale.ROOT, "POST        %8.0f req/s  %s  vs pgbench -N            %8.0f tps  ratio %.2f (target >= 0.3)%n",
                    post.throughput(), post.latency().summary(), pgWrite, post.throughput() / pgWrite);
            System.out.printf(Locale.ROOT, "search q=   p95 %.1f ms (target <= 30 ms)  %s%n", search.latency().at(95), search.latency().summary());
            System.out.printf(Locale.ROOT, "search q= matching every contact (worst case): %s%n", everywhere.latency().summary());
            System.out.printf(Locale.ROOT, "list page   p95 %.1f ms (target <= 15 ms)  %s%n", list.latency().at(95), list.latency().summary());
            System.out.printf(Locale.ROOT, "errors: get %d, post %d, search %d, list %d%n", get.errors(), post.errors(), search.errors(), list.errors());
        }
    }

    private static Call post(String base, int i) {
        String given = GIVEN[i % GIVEN.length];
        String family = FAMILY[(i / GIVEN.length) % FAMILY.length];
        String body = "{\"givenName\":\"" + given + "\",\"familyName\":\"" + family + "\",\"emails\":[{\"address\":\"new"
                + i + "@example.org\",\"label\":\"work\"}],\"phones\":[{\"number\":\"+1 415 555 " + String.format("%04d", i % 10000)
                + "\"}],\"company\":\"" + COMPANIES[i % COMPANIES.length] + "\",\"title\":\"Engineer\",\"city\":\""
                + CITIES[i % CITIES.length] + "\",\"tags\":[\"conference\"]}";
        return new Call(HttpRequest.newBuilder(URI.create(base + "/v1/contacts")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), 201);
    }

    /** What people type: a first or family name, a company, a city, part of an email, or two words. */
    private static String searchTerm(int i) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return switch (i % 5) {
            case 0 -> GIVEN[r.nextInt(GIVEN.length)].toLowerCase(Locale.ROOT);
            case 1 -> FAMILY[r.nextInt(FAMILY.length)];
            case 2 -> COMPANIES[r.nextInt(COMPANIES.length)];
            case 3 -> "c" + r.nextInt(100_000) + "@";
            default -> GIVEN[r.nextInt(GIVEN.length)] + " " + CITIES[r.nextInt(CITIES.length)];
        };
    }

    /** Walks the list page by page (20 pages) in one sort order after another, following nextCursor. */
    private static final class PageWalker {
        private static final List<String> SORTS = List.of("name", "-updatedAt", "createdAt");
        private static final Pattern NEXT = Pattern.compile("\"nextCursor\"\\s*:\\s*\"([^\"]+)\"");
        private final String base;
        private String cursor;
        private int walk;
        private int page;

        PageWalker(String base) {
            this.base = base;
        }

        Call next(int i) {
            String sort = SORTS.get(walk % SORTS.size());
            String url = base + "/v1/contacts?limit=50&sort=" + sort + (cursor == null ? "" : "&cursor=" + cursor);
            return new Call(HttpRequest.newBuilder(URI.create(url)).GET().build(), 200, this::advance);
        }

        private void advance(String body) {
            Matcher next = NEXT.matcher(body);
            page++;
            if (page == 20 || !next.find()) {
                cursor = null;
                page = 0;
                walk++;
            } else {
                cursor = next.group(1);
            }
        }
    }

    static List<String> seed(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement()) {
            String given = sqlArray(GIVEN);
            String family = sqlArray(FAMILY);
            String givenFolded = sqlArray(fold(GIVEN));
            String familyFolded = sqlArray(fold(FAMILY));
            String companiesFolded = sqlArray(fold(COMPANIES));
            String citiesFolded = sqlArray(fold(CITIES));
            String companies = sqlArray(COMPANIES);
            String cities = sqlArray(CITIES);
            for (int w = 0; w <= 10; w++) {
                String workspace = w == 0 ? WORKSPACE : "other-" + w;
                int count = w == 0 ? 100_000 : 10_000;
                s.execute("""
                        insert into contact (id, workspace_id, given_name, family_name, display_name, display_name_set,
                            emails, phones, social_profiles, websites, company, title, city, country, tags, visibility,
                            owner_id, sort_name, search_text, created_by, created_at, updated_at, version)
                        select gen_random_uuid(), '%s', g, f, g || ' ' || f, false,
                            jsonb_build_array(jsonb_build_object('address', e, 'label', 'work', 'primary', true)),
                            jsonb_build_array(jsonb_build_object('number', p, 'original', p, 'label', 'mobile', 'primary', true)),
                            '[]', '[]', co, 'Engineer', ci, 'US', array['conference'], 'WORKSPACE', '%s',
                            gf || ' ' || ff,
                            concat_ws(' ', gf || ' ' || ff, gf, ff, cof, 'engineer', cif, 'us', e, p, substr(p, 2), 'conference'),
                            '%s', now() - make_interval(secs => i), now() - make_interval(secs => i), 0
                        from generate_series(1, %d) i,
                        lateral (select 1 + i %% %d gi, 1 + (i / %d) %% %d fi, 1 + i %% %d coi, 1 + i %% %d cii) n,
                        lateral (select (%s)[gi] g, (%s)[fi] f, (%s)[coi] co, (%s)[cii] ci,
                                        (%s)[gi] gf, (%s)[fi] ff, (%s)[coi] cof, (%s)[cii] cif,
                                        'c' || i || '@example.org' e, '+1415' || lpad((i %% 10000000)::text, 7, '0') p) v
                        """.formatted(workspace, USER, USER, count, GIVEN.length, GIVEN.length, FAMILY.length,
                        COMPANIES.length, CITIES.length, given, family, companies, cities, givenFolded, familyFolded,
                        companiesFolded, citiesFolded));
            }
            s.execute("vacuum analyze contact");
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = s.executeQuery("select id from contact where workspace_id = '" + WORKSPACE + "'")) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    /** The service's folding (service-kit http.Folding): NFKD, marks dropped, lower case. */
    static String[] fold(String[] values) {
        String[] folded = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            folded[i] = java.text.Normalizer.normalize(values[i], java.text.Normalizer.Form.NFKD)
                    .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        }
        return folded;
    }

    static String sqlArray(String[] values) {
        StringBuilder sql = new StringBuilder("array[");
        for (int i = 0; i < values.length; i++) {
            sql.append(i == 0 ? "" : ",").append('\'').append(values[i].replace("'", "''")).append('\'');
        }
        return sql.append("]").toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

}
