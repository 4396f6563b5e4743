package dev.rapport.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code deploy/local/run}: starts PostgreSQL, Kafka and the three services with data kept under a data
 * directory, prints where everything is, and stops it all on Ctrl-C.
 *
 * <p>Every option is {@code --name=value} or the environment variable {@code RAPPORT_NAME} (upper case,
 * dashes as underscores).
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        Options options = new Options(args);
        Path dataDir = Path.of(options.get("data-dir",
                Path.of(System.getProperty("user.home"), ".rapport", "local").toString())).toAbsolutePath();
        Files.createDirectories(dataDir.resolve("logs"));
        // Must be set before anything touches SLF4J: the broker and zonky are chatty.
        System.setProperty("org.slf4j.simpleLogger.logFile", dataDir.resolve("logs/infrastructure.log").toString());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");

        Map<LocalStack.Service, Integer> servicePorts = new EnumMap<>(LocalStack.Service.class);
        servicePorts.put(LocalStack.Service.CONTACTS, options.port("contacts-port", 8081));
        servicePorts.put(LocalStack.Service.INTERACTIONS, options.port("interactions-port", 8082));
        servicePorts.put(LocalStack.Service.REMINDERS, options.port("reminders-port", 8083));
        LocalStack.Settings settings = new LocalStack.Settings(
                Path.of(options.get("home", System.getProperty("user.dir"))).toAbsolutePath(),
                dataDir,
                options.port("postgres-port", 15432),
                options.port("kafka-port", 19092),
                options.port("kafka-controller-port", 19093),
                servicePorts,
                true);

        System.out.println("Rapport: starting PostgreSQL, Kafka and three services (data in " + dataDir + ") ...");
        LocalStack stack;
        try {
            stack = LocalStack.start(settings);
        } catch (LocalStack.PortInUseException e) {
            System.err.println("rapport: " + e.getMessage());
            System.exit(2);
            return;
        } catch (IOException e) {
            System.err.println("rapport: could not start: " + e.getMessage());
            System.err.println("rapport: logs are in " + dataDir.resolve("logs"));
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nRapport: stopping ...");
            try {
                stack.close();
            } catch (IOException e) {
                System.err.println("rapport: error while stopping: " + e.getMessage());
            }
            stopped.countDown();
        }, "rapport-shutdown"));
        printReady(stack, settings);
        stopped.await();
    }

    private static void printReady(LocalStack stack, LocalStack.Settings settings) {
        StringBuilder out = new StringBuilder("\nRapport is up.\n");
        for (LocalStack.Service service : LocalStack.Service.values()) {
            String url = stack.url(service);
            out.append(String.format(Locale.ROOT, "  %-21s %s   Swagger UI %s/q/swagger-ui%n",
                    service.module, url, url));
        }
        out.append(String.format(Locale.ROOT, "  %-21s %s%n", "PostgreSQL",
                stack.infrastructure().postgres().jdbcUrl("<contacts|interactions|reminders>") + " (user postgres)"));
        out.append(String.format(Locale.ROOT, "  %-21s %s%n", "Kafka", stack.infrastructure().kafka().bootstrapServers()));
        out.append("  Logs                  ").append(settings.dataDir().resolve("logs")).append('\n');
        Instant now = Instant.now();
        String token = Tokens.sign(new Tokens.Spec(DevKeys.ISSUER, DevKeys.AUDIENCE, "demo-user", "demo",
                List.of("member", "admin"), now, now.minusSeconds(5), now.plus(Duration.ofDays(30))),
                stack.keys().privateKey());
        out.append("\nA token for workspace 'demo' (user demo-user, roles member+admin, valid 30 days):\n")
                .append("  export TOKEN=").append(token).append('\n')
                .append("  curl -H \"Authorization: Bearer $TOKEN\" ").append(stack.url(LocalStack.Service.CONTACTS))
                .append("/v1/contacts/<id>\n")
                .append("Other users, workspaces or roles: deploy/local/token --workspace=W --user=U --roles=member,reader\n");
        out.append("Press Ctrl-C to stop.\n");
        System.out.print(out);
    }

    /** {@code --name=value} arguments over {@code RAPPORT_NAME} environment variables over defaults. */
    static final class Options {
        private final Map<String, String> values = new HashMap<>();

        Options(String[] args) {
            for (String arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("Unknown argument " + arg + " (expected --name=value)");
                }
                int eq = arg.indexOf('=');
                values.put(arg.substring(2, eq), arg.substring(eq + 1));
            }
        }

        String get(String name, String fallback) {
            String value = values.get(name);
            if (value == null) {
                value = System.getenv("RAPPORT_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
            }
            return value == null || value.isBlank() ? fallback : value;
        }

        int port(String name, int fallback) {
            String value = get(name, Integer.toString(fallback));
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a port number, got " + value);
            }
        }
    }
}
