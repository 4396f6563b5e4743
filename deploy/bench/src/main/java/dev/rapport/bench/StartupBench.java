package dev.rapport.bench;

import dev.rapport.local.LocalStack;
import dev.rapport.local.LocalStack.Service;
import dev.rapport.local.Ports;
import dev.rapport.local.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each service's time to ready and idle memory: on a running stack, a second instance of the service is started
 * alone (its database migrated, its consumers joining their groups), timed from launch to {@code /q/health/ready}
 * answering 200, then left idle and its resident set read from {@code /proc}. The baseline, measured the same way
 * first: {@code deploy/bench/baseline-app}, a plain Quarkus app with the same extensions on the same PostgreSQL and
 * Kafka.
 *
 * <p>Options: {@code --idle=10} (seconds before reading RSS), {@code --results=FILE}.
 */
public final class StartupBench {

    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchStack.options(args);
        try (LocalStack stack = BenchStack.start(options)) {
            measure(stack, options);
        }
    }

    static void measure(LocalStack stack, Map<String, String> options) throws Exception {
        int idleSeconds = Integer.parseInt(options.getOrDefault("idle", "10"));
        Path logs = Files.createTempDirectory("rapport-startup-");
        try {
            measureEach(stack, options, idleSeconds, logs);
        } finally {
            BenchStack.deleteRecursively(logs);
        }
    }

    /** Launch to ready, and RSS after the idle time. */
    private record Measured(double readyMillis, double rssMb, String startedIn) {
    }

    private static void measureEach(LocalStack stack, Map<String, String> options, int idleSeconds, Path logs)
            throws Exception {
        System.out.printf(Locale.ROOT, "%n== Start-up: a plain Quarkus app, then a second instance of each service, alone, %d s idle ==%n",
                idleSeconds);
        // The stack has just started too: its own warm-up would slow whatever starts first.
        Thread.sleep(idleSeconds * 1000L);
        Path baselineLog = logs.resolve("baseline-app.log");
        Measured plain = measure(() -> ServiceProcess.start("baseline-app", baselineJar(options), Ports.free(),
                baselineConfig(stack), Map.of(), baselineLog), baselineLog, idleSeconds);
        System.out.printf(Locale.ROOT, "%-22s ready %,7.0f ms  RSS idle %,6.1f MB  (Quarkus: started in %s)%n",
                "plain Quarkus app", plain.readyMillis(), plain.rssMb(), plain.startedIn());
        for (Service service : Service.values()) {
            Path log = logs.resolve(service.module + ".log");
            Measured measured = measure(() -> stack.startInstance(service, Ports.free(), log), log, idleSeconds);
            Result ready = Result.atMost(service.module + " time to ready", measured.readyMillis(), 2000, "ms",
                    String.format(Locale.ROOT, "plain Quarkus app %,.0f ms (Quarkus' own \"started in\": the app's %s, this service's %s)",
                            plain.readyMillis(), plain.startedIn(), measured.startedIn()));
            Result rss = Result.atMost(service.module + " RSS idle", measured.rssMb(), 200, "MB",
                    String.format(Locale.ROOT, "plain Quarkus app %,.1f MB (both -Xmx256m)", plain.rssMb()));
            System.out.printf(Locale.ROOT, "%-22s ready %,7.0f ms (%s)  RSS idle %,6.1f MB (%s)%n", service.module,
                    measured.readyMillis(), ready.verdict(), measured.rssMb(), rss.verdict());
            ready.record(options);
            rss.record(options);
        }
    }

    private interface Launch {
        ServiceProcess start() throws IOException;
    }

    private static Measured measure(Launch launch, Path log, int idleSeconds) throws Exception {
        long launched = System.nanoTime();
        try (ServiceProcess process = launch.start()) {
            process.awaitReady(Duration.ofMinutes(2));
            double readyMillis = (System.nanoTime() - launched) / 1e6;
            Thread.sleep(idleSeconds * 1000L);
            return new Measured(readyMillis, residentMegabytes(process.pid()), startedIn(log));
        }
    }

    private static Path baselineJar(Map<String, String> options) {
        return Path.of(options.getOrDefault("home", ".")).toAbsolutePath()
                .resolve("deploy/bench/baseline-app/target/quarkus-app/quarkus-run.jar");
    }

    /** The stack's PostgreSQL (its maintenance database: the app's one table goes there), broker and token key. */
    private static Map<String, String> baselineConfig(LocalStack stack) {
        return Map.of("quarkus.datasource.jdbc.url", stack.infrastructure().postgres().jdbcUrl("postgres"),
                "kafka.bootstrap.servers", stack.infrastructure().kafka().bootstrapServers(),
                "mp.jwt.verify.publickey.location", stack.keys().publicKeyLocation());
    }

    /** VmRSS of a process, from /proc (Linux). */
    private static double residentMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IOException("No VmRSS for process " + pid);
    }

    private static String startedIn(Path log) throws IOException {
        Matcher m = STARTED_IN.matcher(Files.readString(log));
        return m.find() ? m.group(1) + " s" : "not logged";
    }
}
