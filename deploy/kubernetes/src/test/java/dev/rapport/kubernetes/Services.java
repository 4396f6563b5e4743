package dev.rapport.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The three services as their own sources and build describe them: the truth the manifests must match. */
enum Services {
    CONTACTS("contacts-service"),
    INTERACTIONS("interactions-service"),
    REMINDERS("reminders-service");

    final String module;

    Services(String module) {
        this.module = module;
    }

    /** This service's application.properties, over the shared defaults of the kit and (where used) the directory. */
    Properties properties() {
        Properties merged = new Properties();
        load(merged, Manifests.REPOSITORY.resolve("service-kit/src/main/resources/META-INF/microprofile-config.properties"));
        if (this != CONTACTS) {
            load(merged, Manifests.REPOSITORY.resolve("contact-directory/src/main/resources/META-INF/microprofile-config.properties"));
        }
        load(merged, Manifests.REPOSITORY.resolve(module).resolve("src/main/resources/application.properties"));
        return merged;
    }

    /** The value Quarkus runs with in the prod profile (no %dev / %test override applies). */
    String property(String name) {
        Properties properties = properties();
        String value = properties.getProperty("%prod." + name, properties.getProperty(name));
        if (value == null) {
            throw new AssertionError(module + " does not set " + name);
        }
        return value;
    }

    int httpPort() {
        return Integer.parseInt(property("quarkus.http.port"));
    }

    /** The database named by the service's JDBC URL (jdbc:postgresql://host:port/<database>). */
    String database() {
        String url = property("quarkus.datasource.jdbc.url");
        return url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
    }

    /** The OpenAPI document the service's build wrote (quarkus.smallrye-openapi.store-schema-directory). */
    JsonNode openApi() {
        Path document = Manifests.REPOSITORY.resolve(module).resolve("target/openapi/openapi.json");
        if (!Files.exists(document)) {
            throw new AssertionError(document + " is missing: package " + module + " first (./mvnw package)");
        }
        try {
            return new ObjectMapper().readTree(document.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> apiPaths() {
        List<String> paths = new ArrayList<>();
        openApi().path("paths").fieldNames().forEachRemaining(paths::add);
        return paths;
    }

    private static void load(Properties into, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            into.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
