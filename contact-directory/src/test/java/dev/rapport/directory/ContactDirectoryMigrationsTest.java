package dev.rapport.directory;

import dev.rapport.local.LocalPostgres;
import dev.rapport.local.Ports;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The projection's migrations moved from each service's db/migration to db/contact-directory unchanged, so a
 * database the services migrated before keeps validating; they own versions below 100 of the service's Flyway
 * history, the service's own start at 100, and a later directory migration still applies (out of order).
 */
class ContactDirectoryMigrationsTest {

    private static final String DIRECTORY = "classpath:db/contact-directory";
    private static final String KIT = "classpath:db/kit";

    /**
     * Version, description and checksum of what interactions-service and reminders-service recorded in
     * flyway_schema_history while these files were their own db/migration (up to commit e14672a; the script
     * column then named db/migration/..., which Flyway does not compare). Flyway's validation compares version,
     * description, type and checksum: these must never change.
     */
    private static final List<String> RECORDED = List.of(
            "1|contact projection|1161421239",
            "2|contact projection state|1918287358",
            "3|contact projection merges|-1301880788");

    /** What the directory shipped itself since, as databases recorded it: these must never change either. */
    private static final List<String> SHIPPED = List.of(
            "4|contact projection key per workspace|-815916555",
            "5|contact projection tags relationship|528418716");

    @TempDir
    static Path dataDir;
    private static LocalPostgres postgres;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = LocalPostgres.start(dataDir.resolve("postgres"), Ports.free(), false);
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void theMigrationsOfTheServicesBeforeAreKeptAsTheyWere() throws SQLException {
        String url = newDatabase();
        flyway(url, DIRECTORY, KIT).load().migrate();
        assertEquals(Stream.concat(RECORDED.stream(), SHIPPED.stream()).toList(), history(url));
    }

    @Test
    void theDirectoryKeepsToVersionsBelow100() throws IOException, URISyntaxException {
        Path folder = Path.of(getClass().getClassLoader().getResource("db/contact-directory").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            files.map(file -> file.getFileName().toString()).forEach(name -> {
                assertTrue(name.matches("V\\d+__[a-z0-9_]+\\.sql"), name + ": a versioned migration");
                int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
                assertTrue(version < 100, name + ": versions from 100 belong to the service");
            });
        }
    }

    @Test
    void aDatabaseMigratedBeforeMigratesWithItsRowsAndTakesALaterDirectoryMigrationAfterTheServicesOwn()
            throws SQLException {
        String url = newDatabase();
        // As the services left it: V1-V3 (and the kit), a projection row in it.
        flyway(url, DIRECTORY, KIT).target("3").load().migrate();
        UUID contactId = UUID.randomUUID();
        execute(url, "insert into contact_projection (contact_id, workspace_id, display_name, emails, updated_at, version)"
                + " values ('" + contactId + "', 'acme', 'Ada', '[\"ada@example.org\", \"ada@work.example\"]', now(), 4)");

        // The new code with a service migration of its own: what was applied validates unchanged, and it migrates.
        flyway(url, DIRECTORY, KIT, "classpath:db/upgrade-test/service").ignoreMigrationPatterns("*:pending").load()
                .validate();
        flyway(url, DIRECTORY, KIT, "classpath:db/upgrade-test/service").load().migrate();

        // The key is the workspace and the contact id: the row migrated with it, and the same contact id has a row
        // of its own in another workspace. A lookup by id within a workspace reads the key's index.
        execute(url, "insert into contact_projection (contact_id, workspace_id, display_name, emails, updated_at, version)"
                + " values ('" + contactId + "', 'globex', 'Ada', '[]', now(), 0)");
        assertThrows(SQLException.class, () -> execute(url, "insert into contact_projection"
                + " (contact_id, workspace_id, display_name, emails, updated_at) values ('" + contactId + "', 'acme', 'Twin', '[]', now())"));
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.execute("set enable_seqscan = off");
            try (ResultSet plan = s.executeQuery("explain select display_name from contact_projection"
                    + " where contact_id = '" + contactId + "' and workspace_id = 'acme'")) {
                assertTrue(plan.next());
                assertTrue(plan.getString(1).contains("contact_projection_pkey"), plan.getString(1));
            }
        }

        // Later the directory ships V99: below the applied V100, so Flyway refuses it unless out of order is allowed.
        String[] later = {DIRECTORY, KIT, "classpath:db/upgrade-test/service", "classpath:db/upgrade-test/later-directory"};
        assertThrows(FlywayException.class, () -> flyway(url, later).load().migrate());
        flyway(url, later).outOfOrder(true).load().migrate();
        flyway(url, later).outOfOrder(true).load().validate();

        assertTrue(history(url).stream().anyMatch(row -> row.startsWith("99|later directory change|")));
        try (Connection c = connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select display_name, emails::text, version, later_directory_column"
                     + " from contact_projection where contact_id = '" + contactId + "' and workspace_id = 'acme'")) {
            assertTrue(rs.next());
            assertEquals("Ada", rs.getString(1));
            assertEquals("[\"ada@example.org\", \"ada@work.example\"]", rs.getString(2));
            assertEquals(4, rs.getLong(3));
        }
    }

    private static FluentConfiguration flyway(String url, String... locations) {
        return Flyway.configure().dataSource(url, LocalPostgres.USER, "").locations(locations);
    }

    /** {@code version|description|checksum} of each applied versioned migration, in order. */
    private static List<String> history(String url) {
        return Stream.of(flyway(url, DIRECTORY, KIT).load().info().applied())
                .filter(m -> m.getVersion() != null)
                .map(ContactDirectoryMigrationsTest::row).toList();
    }

    private static String row(MigrationInfo m) {
        return m.getVersion() + "|" + m.getDescription() + "|" + m.getChecksum();
    }

    private static String newDatabase() throws SQLException {
        String name = "directory_" + UUID.randomUUID().toString().replace("-", "");
        execute(postgres.jdbcUrl("postgres"), "create database " + name);
        return postgres.jdbcUrl(name);
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, LocalPostgres.USER, "");
    }
}
