package dev.rapport.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * A real PostgreSQL server from the binaries zonky ships in a Maven Central jar, hosting one database per
 * service. The same class serves the durable local stack and the throw-away test server.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final List<String> DATABASES = List.of("contacts", "interactions", "reminders");
    public static final String USER = "postgres";

    private final EmbeddedPostgres.Builder builder;
    private final int port;
    /** The running server; null while {@link #stop() stopped}. */
    private EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres.Builder builder, int port, EmbeddedPostgres server) {
        this.builder = builder;
        this.port = port;
        this.server = server;
    }

    /**
     * @param durable false trades crash safety for speed (tests only): fsync and friends are switched off
     */
    public static LocalPostgres start(Path dataDir, int port, boolean durable) throws IOException {
        Files.createDirectories(dataDir.getParent());
        StaleServer.stopIfRunning(dataDir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("max_connections", "200")
                // Where the database's time goes, per statement (deploy/bench prints it): a counter update per statement.
                .setServerConfig("shared_preload_libraries", "pg_stat_statements");
        // zonky starts PostgreSQL with -F (fsync off) and synchronous_commit=off; a durable server must say so.
        String durability = durable ? "on" : "off";
        builder.setServerConfig("fsync", durability)
                .setServerConfig("synchronous_commit", durability)
                .setServerConfig("full_page_writes", durability);
        EmbeddedPostgres server = builder.start();
        // A restart (startAgain) comes back where clients look for it, even on a port zonky chose.
        builder.setPort(server.getPort());
        LocalPostgres postgres = new LocalPostgres(builder, server.getPort(), server);
        try {
            postgres.createMissingDatabases();
        } catch (IOException | RuntimeException e) {
            postgres.close();
            throw e;
        }
        return postgres;
    }

    public int port() {
        return port;
    }

    /**
     * Stops the server (PostgreSQL's fast shutdown: open sessions are ended, then a clean checkpoint), keeping its
     * data directory; the port is closed when this returns. With {@link #startAgain()}, how a test simulates a
     * database outage or restart.
     */
    public synchronized void stop() throws IOException {
        if (server == null) {
            return;
        }
        EmbeddedPostgres stopping = server;
        server = null;
        // zonky logs rather than throws when pg_ctl fails: a server still listening is reported here.
        stopping.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Ports.isFree(port)) {
            if (System.nanoTime() > deadline) {
                throw new IOException("PostgreSQL still listens on port " + port + " after its stop");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while stopping PostgreSQL", e);
            }
        }
    }

    /** Starts a {@link #stop() stopped} server again on the same port and data directory; a running one stays. */
    public synchronized void startAgain() throws IOException {
        if (server == null) {
            server = builder.start();
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    private void createMissingDatabases() throws IOException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String database : DATABASES) {
                try (ResultSet rs = statement.executeQuery(
                        "select 1 from pg_database where datname = '" + database + "'")) {
                    if (!rs.next()) {
                        statement.execute("create database " + database);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the service databases", e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    /**
     * pg_ctl detaches PostgreSQL from the JVM, so a launcher killed with SIGKILL leaves it running on the data
     * directory. The next start stops that orphan instead of failing on the lock.
     */
    static final class StaleServer {
        private StaleServer() {
        }

        static void stopIfRunning(Path dataDir) throws IOException {
            Path pidFile = dataDir.resolve("postmaster.pid");
            if (!Files.isRegularFile(pidFile)) {
                return;
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return;
            }
            long pid;
            try {
                pid = Long.parseLong(lines.get(0).trim());
            } catch (NumberFormatException e) {
                return;
            }
            // Line 2 is the server's data directory: a reused pid of another program must not be stopped.
            if (lines.size() < 2 || !Path.of(lines.get(1).trim()).toAbsolutePath().normalize()
                    .equals(dataDir.toAbsolutePath().normalize())) {
                return;
            }
            ProcessHandle.of(pid)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                    .ifPresent(StaleServer::terminate);
        }

        private static void terminate(ProcessHandle orphan) {
            orphan.destroy();
            try {
                orphan.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                orphan.destroyForcibly();
            }
        }
    }
}
