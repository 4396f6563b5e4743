package dev.rapport.local;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system on one machine: infrastructure plus the three services as child processes. The local
 * launcher runs it with durable data; end-to-end tests run it on free ports in a temporary directory.
 */
public final class LocalStack implements AutoCloseable {

    public enum Service {
        CONTACTS("contacts-service", "contacts"),
        INTERACTIONS("interactions-service", "interactions"),
        REMINDERS("reminders-service", "reminders");

        public final String module;
        public final String database;

        Service(String module, String database) {
            this.module = module;
            this.database = database;
        }

        /** This service's workspace backup ({@code POST …/restore} restores it). */
        public String backupPath() {
            return "/v1/backups/" + database;
        }

        /** A contact as this consumer's contact directory holds it (interactions and reminders only). */
        public String summaryPath(Object contactId) {
            return "/v1/contact-directory/" + database + "/" + contactId;
        }
    }

    public record Settings(Path repositoryRoot, Path dataDir, int postgresPort, int kafkaPort,
                           int kafkaControllerPort, Map<Service, Integer> servicePorts, boolean durable) {

        /** Every named port, so a clash is reported before anything starts. */
        public Map<String, Integer> namedPorts() {
            Map<String, Integer> ports = new LinkedHashMap<>();
            ports.put("PostgreSQL", postgresPort);
            ports.put("Kafka", kafkaPort);
            ports.put("Kafka controller", kafkaControllerPort);
            servicePorts.forEach((service, port) -> ports.put(service.module, port));
            return ports;
        }
    }

    /** Browser front ends on this machine (localhost, 127.0.0.1, [::1]), http or https, any port. */
    static final String LOCAL_ORIGINS_REGEX = "https?://(localhost|127\\.0\\.0\\.1|\\[::1\\])(:\\d+)?";

    private final Settings settings;
    private final Infrastructure infrastructure;
    private final DevKeys keys;
    private final Map<String, String> secrets;
    private final Map<Service, ServiceProcess> services;
    private final Map<Service, Map<String, String>> extraConfig = new java.util.EnumMap<>(Service.class);

    private LocalStack(Settings settings, Infrastructure infrastructure, DevKeys keys, Map<String, String> secrets,
                       Map<Service, ServiceProcess> services) {
        this.settings = settings;
        this.infrastructure = infrastructure;
        this.keys = keys;
        this.secrets = secrets;
        this.services = services;
    }

    /**
     * {@code extraConfig} with every service's rate limits (rapport.rate-limit.*) left on but out of reach: for load
     * generators (benchmarks, load and failure tests), which send one user's requests far faster than any client.
     */
    public static Map<Service, Map<String, String>> withLimitsOutOfReach(Map<Service, Map<String, String>> extraConfig) {
        Map<Service, Map<String, String>> config = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            Map<String, String> settings = new LinkedHashMap<>(Map.of(
                    "rapport.rate-limit.user.per-second", "1e9", "rapport.rate-limit.user.burst", "1000000000",
                    "rapport.rate-limit.workspace.per-second", "1e9", "rapport.rate-limit.workspace.burst", "1000000000"));
            settings.putAll(extraConfig.getOrDefault(service, Map.of()));
            config.put(service, settings);
        }
        return config;
    }

    public static LocalStack start(Settings settings) throws IOException {
        return start(settings, Map.of());
    }

    /**
     * As {@link #start(Settings)}, each service started with the extra settings given for it (e.g. a test's shorter
     * scheduler interval), on top of {@link #serviceConfig}.
     */
    public static LocalStack start(Settings settings, Map<Service, Map<String, String>> extraConfig) throws IOException {
        // An orphaned PostgreSQL of this data directory (launcher killed with SIGKILL) holds our own port.
        LocalPostgres.StaleServer.stopIfRunning(settings.dataDir().resolve("postgres"));
        for (var port : settings.namedPorts().entrySet()) {
            if (!Ports.isFree(port.getValue())) {
                throw new PortInUseException(port.getKey(), port.getValue());
            }
        }
        Infrastructure infrastructure = Infrastructure.start(new Infrastructure.Settings(settings.dataDir(),
                settings.postgresPort(), settings.kafkaPort(), settings.kafkaControllerPort(), settings.durable()));
        DevKeys keys;
        Map<String, String> secrets;
        try {
            keys = DevKeys.loadOrCreate(DevKeys.directoryIn(settings.dataDir()));
            secrets = LocalSecret.loadOrCreateAll(DevKeys.directoryIn(settings.dataDir()));
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
        Map<Service, ServiceProcess> started = new LinkedHashMap<>();
        LocalStack stack = new LocalStack(settings, infrastructure, keys, secrets, started);
        stack.extraConfig.putAll(extraConfig);
        try {
            for (Service service : Service.values()) {
                started.put(service, stack.startInstance(service, settings.servicePorts().get(service),
                        settings.dataDir().resolve("logs").resolve(service.module + ".log"),
                        extraConfig.getOrDefault(service, Map.of())));
            }
            for (ServiceProcess process : started.values()) {
                process.awaitReady(Duration.ofMinutes(2));
            }
            return stack;
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * Another instance of {@code service} on {@code port}, on the same database and broker as the running one (a
     * second replica); the caller awaits and closes it.
     */
    public ServiceProcess startInstance(Service service, int port, Path logFile) throws IOException {
        return startInstance(service, port, logFile, Map.of());
    }

    /** As {@link #startInstance(Service, int, Path)}, with extra settings ({@code -Dname=value}) that win over the stack's. */
    public ServiceProcess startInstance(Service service, int port, Path logFile, Map<String, String> extraConfig)
            throws IOException {
        Map<String, String> config = serviceConfig(service, infrastructure.postgres().jdbcUrl(service.database),
                infrastructure.kafka().bootstrapServers(), keys.publicKeyLocation());
        config.putAll(extraConfig);
        return ServiceProcess.start(service.module,
                settings.repositoryRoot().resolve(service.module).resolve("target/quarkus-app/quarkus-run.jar"),
                port, config, secrets, logFile);
    }

    /**
     * Every setting a service is started with ({@code -Dname=value}), in one place so a test can read them the way
     * Quarkus will.
     */
    static Map<String, String> serviceConfig(Service service, String jdbcUrl, String kafkaBootstrapServers,
                                             String publicKeyLocation) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("mp.jwt.verify.publickey.location", publicKeyLocation);
        config.put("mp.jwt.verify.issuer", DevKeys.ISSUER);
        // Quarkus reads the origins as a list and takes /.../ entries as regular expressions.
        config.put("quarkus.http.cors.origins", asListElement("/" + LOCAL_ORIGINS_REGEX + "/"));
        config.put("quarkus.datasource.jdbc.url", jdbcUrl);
        config.put("quarkus.datasource.username", LocalPostgres.USER);
        config.put("kafka.bootstrap.servers", kafkaBootstrapServers);
        if (service == Service.REMINDERS) {
            // A developer's webhook receiver runs on this machine; every other private address stays refused.
            config.put("rapport.webhooks.allowed-hosts", "localhost");
        }
        return config;
    }

    /**
     * One element of a list-valued setting, escaped for SmallRye Config's list syntax: it splits at commas and
     * drops the backslash of every escape, so an unescaped {@code \d} would arrive as {@code d}.
     */
    static String asListElement(String value) {
        return value.replace("\\", "\\\\").replace(",", "\\,");
    }

    /** Kills {@code service}'s process with SIGKILL, as a crash would: no shutdown hook, no last commit or flush. */
    public void crash(Service service) throws IOException {
        services.get(service).kill();
    }

    /** Starts {@code service} again on its port, with the settings it first had, and waits until it is ready. */
    public void restart(Service service) throws IOException {
        ServiceProcess process = startInstance(service, settings.servicePorts().get(service),
                settings.dataDir().resolve("logs").resolve(service.module + ".log"),
                extraConfig.getOrDefault(service, Map.of()));
        services.put(service, process);
        process.awaitReady(Duration.ofMinutes(2));
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    /** Signs tokens the stack's services accept. */
    public DevKeys keys() {
        return keys;
    }

    public String url(Service service) {
        return services.get(service).url();
    }

    @Override
    public void close() throws IOException {
        List<ServiceProcess> reversed = new ArrayList<>(services.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::close);
        infrastructure.close();
    }

    public static final class PortInUseException extends IOException {
        public PortInUseException(String what, int port) {
            super("Port " + port + " (" + what + ") is already in use: stop what holds it or choose another port");
        }
    }
}
