package dev.rapport.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Pattern;

/**
 * {@code deploy/local/run}: starts PostgreSQL, Kafka and the three services with data kept under a data
 * directory, prints where everything is, and stops it all on Ctrl-C.
 *
 * <p>Every option is {@code --name=value} or the environment variable {@code RAPPORT_NAME} (upper case,
 * dashes as underscores).
 */
public final class Launcher {

    static final Set<String> OPTIONS = Set.of("home", Options.DATA_DIR, "postgres-port", "kafka-port",
            "kafka-controller-port", "contacts-port", "interactions-port", "reminders-port");
    static final String USAGE = """
            usage: deploy/local/run [--data-dir=DIR] [--postgres-port=N] [--kafka-port=N] [--kafka-controller-port=N]
                                    [--contacts-port=N] [--interactions-port=N] [--reminders-port=N]
              --data-dir  databases, Kafka log, signing key and logs (default: ~/.rapport/local)
              ports       default 15432, 19092, 19093, 8081, 8082, 8083
            Each option can also be an environment variable: RAPPORT_DATA_DIR, RAPPORT_CONTACTS_PORT, ...
            """;

    /** Paths a shell reads as one word without quotes. */
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_./:@%+=,-]+");

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        LocalStack.Settings settings;
        try {
            Options options = Options.parse(args, OPTIONS, System.getenv());
            if (options.help()) {
                System.out.print(USAGE);
                return;
            }
            settings = settings(options);
        } catch (Options.UsageException e) {
            System.exit(Options.usageError(e, USAGE, System.err));
            return;
        }
        Path dataDir = settings.dataDir();
        Optional<StackState> other = StackState.running(dataDir);
        if (other.isPresent()) {
            // Its PostgreSQL would be taken for a stale one of ours and stopped.
            System.err.println("rapport: a stack is already running from " + dataDir + " (process " + other.get().pid()
                    + "): stop it first, or pass another --data-dir");
            System.exit(2);
            return;
        }
        Files.createDirectories(dataDir.resolve("logs"));
        // Must be set before anything touches SLF4J: the broker and zonky are chatty.
        System.setProperty("org.slf4j.simpleLogger.logFile", dataDir.resolve("logs/infrastructure.log").toString());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");

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
            StackState.removeOwn(dataDir);
            try {
                stack.close();
            } catch (IOException e) {
                System.err.println("rapport: error while stopping: " + e.getMessage());
            }
            stopped.countDown();
        }, "rapport-shutdown"));
        StackState.ofThisProcess(stack.keys().fingerprint(), serviceUrls(stack)).write(dataDir);
        printReady(stack, settings);
        stopped.await();
    }

    private static LocalStack.Settings settings(Options options) throws Options.UsageException {
        Map<LocalStack.Service, Integer> servicePorts = new EnumMap<>(LocalStack.Service.class);
        servicePorts.put(LocalStack.Service.CONTACTS, options.port("contacts-port", 8081));
        servicePorts.put(LocalStack.Service.INTERACTIONS, options.port("interactions-port", 8082));
        servicePorts.put(LocalStack.Service.REMINDERS, options.port("reminders-port", 8083));
        return new LocalStack.Settings(
                Path.of(options.get("home", System.getProperty("user.dir"))).toAbsolutePath(),
                options.dataDir(),
                options.port("postgres-port", 15432),
                options.port("kafka-port", 19092),
                options.port("kafka-controller-port", 19093),
                servicePorts,
                true);
    }

    private static Map<String, String> serviceUrls(LocalStack stack) {
        Map<String, String> urls = new LinkedHashMap<>();
        for (LocalStack.Service service : LocalStack.Service.values()) {
            urls.put(service.module, stack.url(service));
        }
        return urls;
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
        String token = Tokens.sign(Tokens.Spec.of("demo", "demo-user", "member", "admin").lasting(Duration.ofDays(30)),
                stack.keys().privateKey());
        out.append("\nA token for workspace 'demo' (user demo-user, roles member+admin, valid 30 days):\n")
                .append("  export TOKEN=").append(token).append('\n')
                .append("  curl -H \"Authorization: Bearer $TOKEN\" ").append(stack.url(LocalStack.Service.CONTACTS))
                .append("/v1/contacts/<id>\n")
                .append("Other users, workspaces or roles (signed with this stack's key):\n")
                .append("  deploy/local/token ").append(shellWord("--data-dir=" + settings.dataDir()))
                .append(" --workspace=W --user=U --roles=member,reader\n");
        out.append("Press Ctrl-C to stop.\n");
        System.out.print(out);
    }

    /** Quotes a word for a POSIX shell when it needs it, so the printed command can be pasted as is. */
    static String shellWord(String word) {
        return PLAIN_WORD.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
