package dev.rapport.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A server stopped and started again (how end-to-end tests simulate a database outage) keeps its port and data. */
class LocalPostgresRestartTest {

    @Test
    void aStoppedServerRefusesConnectionsAndStartsAgainOnTheSamePortWithItsData(@TempDir Path dir) throws Exception {
        int port = Ports.free();
        try (LocalPostgres postgres = LocalPostgres.start(dir.resolve("pg"), port, false)) {
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("contacts"), LocalPostgres.USER, "");
                 Statement s = c.createStatement()) {
                s.execute("create table kept (name text)");
                s.execute("insert into kept values ('Ada')");
            }
            postgres.stop();
            assertTrue(Ports.isFree(port), "the port is closed while stopped");
            assertThrows(SQLException.class, () -> DriverManager.getConnection(postgres.jdbcUrl("contacts"), LocalPostgres.USER, "").close());
            postgres.stop();

            postgres.startAgain();
            assertEquals(port, postgres.port());
            try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("contacts"), LocalPostgres.USER, "");
                 ResultSet rs = c.createStatement().executeQuery("select name from kept")) {
                assertTrue(rs.next());
                assertEquals("Ada", rs.getString(1));
            }
        }
        assertTrue(Ports.isFree(port), "closed after close()");
    }
}
