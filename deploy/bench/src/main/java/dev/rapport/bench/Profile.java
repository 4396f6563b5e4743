package dev.rapport.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where a load spends its time: while it runs, interactions-service records a JFR file (jcmd JFR.start), PostgreSQL's
 * backends of its database are sampled for what they wait on, and each process's CPU time is taken; then the hottest
 * frames of the recording are printed.
 */
final class Profile {

    private Profile() {
    }

    static void run(Path dir, String jdbcUrl, int seconds, Callable<Load.Result> load) throws Exception {
        run(dir, jdbcUrl, seconds, load, "interactions-service");
    }

    /** As {@link #run(Path, String, int, Callable)}, recording {@code module}'s process. */
    static void run(Path dir, String jdbcUrl, int seconds, Callable<Load.Result> load, String module) throws Exception {
        Files.createDirectories(dir);
        ProcessHandle service = child(module).orElseThrow(() -> new IllegalStateException("No " + module + " process"));
        Path jfr = dir.toAbsolutePath().resolve(module + ".jfr");
        System.out.printf(Locale.ROOT, "%nProfiling: %d s of load again, JFR of %s (pid %d) into %s%n", seconds, module, service.pid(), jfr);
        jcmd(service.pid(), "JFR.start", "name=bench", "settings=profile", "filename=" + jfr);
        Map<String, Duration> cpuBefore = cpu();
        Map<String, Integer> waits = new TreeMap<>();
        AtomicBoolean done = new AtomicBoolean();
        int[] samples = {0};
        Thread sampler = new Thread(() -> sampleWaits(jdbcUrl, done, waits, samples));
        sampler.start();
        long started = System.nanoTime();
        Load.Result result = load.call();
        double wall = (System.nanoTime() - started) / 1e9;
        done.set(true);
        sampler.join();
        Map<String, Duration> cpuAfter = cpu();
        jcmd(service.pid(), "JFR.stop", "name=bench");

        System.out.printf(Locale.ROOT, "POST under the profiler: %.0f req/s, %s, errors %d%n", result.throughput(), result.latency().summary(), result.errors());
        printCpu(cpuBefore, cpuAfter, wall);
        System.out.printf(Locale.ROOT, "PostgreSQL backends of the service's database, by state and wait event (%d samples, mean per sample):%n", samples[0]);
        waits.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(12)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %6.2f  %s%n", e.getValue() / (double) Math.max(1, samples[0]), e.getKey()));
        printHotFrames(jfr);
    }

    /** Forgets what {@code pg_stat_statements} counted so far, in every database of the server. */
    static void resetStatements(String jdbcUrl) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset()");
            s.execute("select pg_stat_reset_shared('bgwriter')");
        }
    }

    /** The statements that took the server's time since {@link #resetStatements}, in every database, per unit of work. */
    static void printStatements(String jdbcUrl, int limit, int units, String unit) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("""
                     select d.datname, s.calls, s.total_exec_time, sum(s.total_exec_time) over (),
                            regexp_replace(left(s.query, 110), '\\s+', ' ', 'g')
                       from pg_stat_statements s join pg_database d on d.oid = s.dbid
                      order by s.total_exec_time desc limit %d""".formatted(limit))) {
            boolean first = true;
            while (rows.next()) {
                if (first) {
                    System.out.printf(Locale.ROOT,
                            "PostgreSQL statements: %.0f ms executing in all (%.2f ms per %s); the top %d:%n",
                            rows.getDouble(4), rows.getDouble(4) / units, unit, limit);
                    first = false;
                }
                System.out.printf(Locale.ROOT, "  %7.0f ms %7d calls %6.3f ms/call  %-12s %s%n", rows.getDouble(3),
                        rows.getLong(2), rows.getDouble(3) / Math.max(1, rows.getLong(2)), rows.getString(1), rows.getString(5));
            }
        }
        // Each statement is a round trip, and on a full machine each round trip waits for a core as well.
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("""
                     select d.datname, sum(s.calls) from pg_stat_statements s join pg_database d on d.oid = s.dbid
                      group by d.datname order by 2 desc""")) {
            StringBuilder line = new StringBuilder("Statements per " + unit + ":");
            while (rows.next()) {
                line.append(String.format(Locale.ROOT, " %s %.1f", rows.getString(1), rows.getDouble(2) / units));
            }
            System.out.println(line);
        }
        // A checkpoint's sync makes every commit's WAL flush wait behind it: one shows as a stall in a latency phase.
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("""
                     select checkpoints_timed, checkpoints_req, checkpoint_write_time, checkpoint_sync_time,
                            extract(epoch from now() - (select checkpoint_time from pg_control_checkpoint()))
                       from pg_stat_bgwriter""")) {
            rows.next();
            System.out.printf(Locale.ROOT, "Checkpoints since then: %d timed, %d requested (writing %.0f ms, syncing %.0f ms); the last began %.0f s ago%n",
                    rows.getLong(1), rows.getLong(2), rows.getDouble(3), rows.getDouble(4), rows.getDouble(5));
        }
    }

    /**
     * The tables autovacuum vacuumed or analysed in each database since {@code since}, with when: a worker's CPU on a
     * full machine, and an analyse's re-planning of every prepared statement on the table, show as a stall.
     */
    static void printMaintenance(String jdbcUrl, java.time.Instant since) throws Exception {
        List<String> databases = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("select datname from pg_database where datallowconn and not datistemplate")) {
            while (rows.next()) {
                databases.add(rows.getString(1));
            }
        }
        StringBuilder line = new StringBuilder("Autovacuum since the phase began (s after its start):");
        for (String database : databases) {
            try (Connection c = DriverManager.getConnection(jdbcUrl.replaceAll("/[^/?]+(\\?|$)", "/" + database + "$1"), "postgres", "");
                 java.sql.PreparedStatement s = c.prepareStatement("""
                         select relname, extract(epoch from last_autovacuum - ?), extract(epoch from last_autoanalyze - ?)
                           from pg_stat_all_tables
                          where last_autovacuum >= ? or last_autoanalyze >= ? order by relname""")) {
                java.sql.Timestamp from = java.sql.Timestamp.from(since);
                for (int i = 1; i <= 4; i++) {
                    s.setTimestamp(i, from);
                }
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        line.append(String.format(Locale.ROOT, " %s.%s", database, rows.getString(1)));
                        if (rows.getObject(2) != null && rows.getDouble(2) >= 0) {
                            line.append(String.format(Locale.ROOT, " vacuum %.0f", rows.getDouble(2)));
                        }
                        if (rows.getObject(3) != null && rows.getDouble(3) >= 0) {
                            line.append(String.format(Locale.ROOT, " analyse %.0f", rows.getDouble(3)));
                        }
                        line.append(';');
                    }
                }
            }
        }
        System.out.println(line);
    }

    /** Each process's CPU between two {@link #cpu()} readings. */
    static void printCpu(Map<String, Duration> before, Map<String, Duration> after, double wall) {
        System.out.printf(Locale.ROOT, "CPU over %.1f s wall (2 cores = %.1f core-seconds):%n", wall, 2 * wall);
        after.forEach((name, used) -> System.out.printf(Locale.ROOT, "  %-24s %6.1f core-s%n", name,
                (used.toMillis() - before.getOrDefault(name, Duration.ZERO).toMillis()) / 1000.0));
    }

    private static Optional<ProcessHandle> child(String module) {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains(module + "/target/quarkus-app")).orElse(false))
                .findFirst();
    }

    /**
     * Waits, at most {@code max}, until the three services together use under a quarter of a core over 3 s: what a
     * warm-up or a load phase left behind (consumers working off its events, compilations it queued) is then not
     * measured with what comes next. Prints how long it waited.
     */
    static void settle(Duration max) throws InterruptedException {
        long started = System.nanoTime();
        double cores;
        do {
            Map<String, Duration> before = cpu();
            Thread.sleep(3_000);
            cores = (servicesCpuMillis(cpu()) - servicesCpuMillis(before)) / 3_000.0;
        } while (cores > 0.25 && System.nanoTime() - started < max.toNanos());
        System.out.printf(Locale.ROOT, "Settled for %.0f s: the services at %.2f of a core%n",
                (System.nanoTime() - started) / 1e9, cores);
    }

    private static long servicesCpuMillis(Map<String, Duration> cpu) {
        return cpu.entrySet().stream().filter(e -> e.getKey().endsWith("-service")).mapToLong(e -> e.getValue().toMillis()).sum();
    }

    /**
     * CPU time so far: each service, PostgreSQL's processes (not a backend that ended meanwhile), and this JVM (load
     * generator and Kafka).
     */
    static Map<String, Duration> cpu() {
        Map<String, Duration> cpu = new LinkedHashMap<>();
        for (ProcessHandle p : ProcessHandle.current().descendants().toList()) {
            String command = p.info().commandLine().orElse("");
            String name = command.contains("interactions-service") ? "interactions-service"
                    : command.contains("reminders-service") ? "reminders-service"
                    : command.contains("contacts-service") ? "contacts-service"
                    : command.contains("postgres") ? "postgresql" : "other";
            cpu.merge(name, p.info().totalCpuDuration().orElse(Duration.ZERO), Duration::plus);
        }
        // pg_ctl detaches PostgreSQL from this JVM: its server and backends are found by their executable instead.
        ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .forEach(p -> cpu.merge("postgresql", p.info().totalCpuDuration().orElse(Duration.ZERO), Duration::plus));
        cpu.put("bench JVM (load, Kafka)", ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO));
        return cpu;
    }

    private static void sampleWaits(String jdbcUrl, AtomicBoolean done, Map<String, Integer> waits, int[] samples) {
        String database = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1);
        try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", ""); Statement s = c.createStatement()) {
            while (!done.get()) {
                try (ResultSet rows = s.executeQuery("""
                        select state || coalesce(' / ' || wait_event_type || ':' || wait_event, ' / on CPU'), count(*)
                          from pg_stat_activity
                         where datname = '%s' and pid <> pg_backend_pid() and backend_type = 'client backend'
                         group by 1""".formatted(database))) {
                    while (rows.next()) {
                        waits.merge(rows.getString(1), rows.getInt(2), Integer::sum);
                    }
                }
                samples[0]++;
                Thread.sleep(100);
            }
        } catch (Exception e) {
            System.out.println("Wait sampling stopped: " + e);
        }
    }

    /** The most sampled top frames, and the most sampled first frames of Rapport's own code, of the recording. */
    private static void printHotFrames(Path jfr) throws Exception {
        Map<String, Integer> top = new TreeMap<>();
        Map<String, Integer> ours = new TreeMap<>();
        Map<String, Integer> threads = new TreeMap<>();
        int total = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            total++;
            RecordedStackTrace stack = event.getStackTrace();
            List<RecordedFrame> frames = stack.getFrames();
            if (!frames.isEmpty()) {
                top.merge(name(frames.get(0)), 1, Integer::sum);
            }
            frames.stream().filter(f -> f.getMethod().getType().getName().startsWith("dev.rapport")).findFirst()
                    .ifPresent(f -> ours.merge(name(f), 1, Integer::sum));
            String thread = event.getThread("sampledThread") == null ? "?" : event.getThread("sampledThread").getJavaName();
            threads.merge(thread == null ? "?" : thread.replaceAll("[-#]?\\d+$", ""), 1, Integer::sum);
        }
        System.out.printf(Locale.ROOT, "JFR execution samples: %d; by thread:%n", total);
        print(threads, total, 8);
        System.out.println("Top frames:");
        print(top, total, 15);
        System.out.println("First Rapport frame on the stack:");
        print(ours, total, 15);
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(Map<String, Integer> counts, int total, int limit) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5d %5.1f%%  %s%n", e.getValue(), 100.0 * e.getValue() / Math.max(1, total), e.getKey()));
    }

    private static void jcmd(long pid, String... args) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> command = new java.util.ArrayList<>(List.of(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", String.valueOf(pid)));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd failed: " + output);
        }
    }
}
