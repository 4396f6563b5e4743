package dev.rapport.kit;

import dev.rapport.local.Infrastructure;
import dev.rapport.local.LocalPostgres;
import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestInfrastructure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/** The shared test infrastructure, plus the kit test application's own database and topic. */
public class KitTestResource extends RapportInfraTestResource {

    public static final String DATABASE = "kit";
    public static final String TOPIC = "rapport.kit-test.v1";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = super.start();
        Infrastructure infrastructure = TestInfrastructure.get();
        try (Connection connection = DriverManager.getConnection(infrastructure.postgres().jdbcUrl("postgres"),
                LocalPostgres.USER, "");
             Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    statement.execute("create database " + DATABASE);
                }
            }
            infrastructure.kafka().createTopics(List.of(TOPIC), Infrastructure.PARTITIONS);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the kit test database", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }
}
