package dev.rapport.bench;

import dev.rapport.local.LocalStack;
import dev.rapport.local.LocalStack.Service;
import dev.rapport.local.Ports;
import dev.rapport.local.Tokens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every benchmark starts with: its {@code --name=value} options, a durable stack in a temporary directory, a
 * token its services accept, and pgbench on the same PostgreSQL for a baseline.
 */
final class BenchStack {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private BenchStack() {
    }

    static Map<String, String> options(String[] args) {
        // Before anything logs: the broker and PostgreSQL are chatty at INFO.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (!arg.startsWith("--") || eq < 0) {
                throw new IllegalArgumentException("Options look like --name=value, not " + arg);
            }
            options.put(arg.substring(2, eq), arg.substring(eq + 1));
        }
        return options;
    }

    /** A throughput benchmark's options: {@code --seconds=20 --warmup=60 --clients=32 --pgbench=PATH}. */
    record Run(int seconds, int warmup, int clients, String pgbench) {
        static Run of(Map<String, String> options) {
            return new Run(Integer.parseInt(options.getOrDefault("seconds", "20")),
                    Integer.parseInt(options.getOrDefault("warmup", "60")),
                    Integer.parseInt(options.getOrDefault("clients", "32")), pgbenchPath(options));
        }
    }

    /** The local stack on free ports, with fsync on as the launcher runs it; its directory goes at JVM exit. */
    static LocalStack start(Map<String, String> options) throws Exception {
        Path home = Path.of(options.getOrDefault("home", ".")).toAbsolutePath();
        Path dataDir = Files.createTempDirectory("rapport-bench-");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteRecursively(dataDir)));
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, Ports.free());
        }
        System.out.printf(Locale.ROOT, "Starting the local stack (durable PostgreSQL) in %s ...%n", dataDir);
        // One token of one workspace at thousands of requests a second: the limits stay on, so their cost is measured.
        return LocalStack.start(new LocalStack.Settings(home, dataDir, Ports.free(), Ports.free(), Ports.free(), ports, true),
                LocalStack.withLimitsOutOfReach(Map.of()));
    }

    /** A member's token for {@code user} in {@code workspace}, signed with the stack's development key. */
    static String token(LocalStack stack, String workspace, String user) {
        return Tokens.sign(Tokens.Spec.of(workspace, user, "member"), stack.keys().privateKey());
    }

    /** {@code --pgbench=PATH}, else the newest under /usr/lib/postgresql, else pgbench on the PATH. */
    static String pgbenchPath(Map<String, String> options) {
        String given = options.get("pgbench");
        if (given != null) {
            return given;
        }
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(v -> v.resolve("bin/pgbench")).filter(Files::isExecutable)
                    .max(Comparator.naturalOrder()).map(Path::toString).orElse("pgbench");
        } catch (IOException e) {
            return "pgbench";
        }
    }

    /** Runs pgbench against the stack's PostgreSQL (database postgres); its tps, or 0 for an {@code init} run. */
    static double pgbench(String pgbench, int port, boolean init, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(pgbench, "-h", "localhost", "-p", String.valueOf(port), "-U", "postgres"));
        command.addAll(List.of(args));
        command.add("postgres");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        if (init) {
            return 0;
        }
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("No tps in pgbench output:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    static void deleteRecursively(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory
        }
    }
}
