package dev.rapport.bench;

import dev.rapport.local.LocalStack;
import dev.rapport.local.LocalStack.Service;
import dev.rapport.local.Ports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** What every benchmark starts with: its {@code --name=value} options and a durable stack in a temporary directory. */
final class BenchStack {

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
        return LocalStack.start(new LocalStack.Settings(home, dataDir, Ports.free(), Ports.free(), Ports.free(), ports, true));
    }

    private static void deleteRecursively(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory
        }
    }
}
