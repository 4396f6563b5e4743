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
 * answering 200, then left idle and its resident set read from {@code /proc}. Quarkus's own "started in" figure
 * (JVM start excluded) is the baseline column.
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

    private static void measureEach(LocalStack stack, Map<String, String> options, int idleSeconds, Path logs)
            throws Exception {
        System.out.printf(Locale.ROOT, "%n== Start-up: a second instance of each service, alone, %d s idle ==%n", idleSeconds);
        for (Service service : Service.values()) {
            Path log = logs.resolve(service.module + ".log");
            long launched = System.nanoTime();
            try (ServiceProcess instance = stack.startInstance(service, Ports.free(), log)) {
                instance.awaitReady(Duration.ofMinutes(2));
                double readyMillis = (System.nanoTime() - launched) / 1e6;
                Thread.sleep(idleSeconds * 1000L);
                double rssMb = residentMegabytes(instance.pid());
                String startedIn = startedIn(log);
                Result ready = Result.atMost(service.module + " time to ready", readyMillis, 2000, "ms",
                        "Quarkus: started in " + startedIn);
                Result rss = Result.atMost(service.module + " RSS idle", rssMb, 200, "MB", "-Xmx256m");
                System.out.printf(Locale.ROOT, "%-22s ready %,7.0f ms (%s)  RSS idle %,6.1f MB (%s)%n", service.module,
                        readyMillis, ready.verdict(), rssMb, rss.verdict());
                ready.record(options);
                rss.record(options);
            }
        }
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
