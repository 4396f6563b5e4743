package dev.rapport.kit.tenancy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A forgotten workspace filter cannot be written: no service or kit source outside {@link WorkspaceSql} creates a
 * native query or reaches for JDBC, so every native statement goes through it, which refuses SQL without
 * {@code :workspace} unless declared cross-workspace. Entity queries are filtered by {@code @TenantId}.
 */
class WorkspaceSqlOnlyTest {

    /** Ways to run SQL that bypass the helper (JPA, Hibernate, Panache and plain JDBC). */
    private static final Pattern NATIVE_SQL = Pattern.compile(
            "createNative\\w*\\s*\\(|createSQLQuery|NativeQuery\\b|\\.doWork\\s*\\(|doReturningWork|prepareStatement\\s*\\("
                    + "|prepareCall\\s*\\(|\\.getConnection\\s*\\(|\\bjava\\.sql\\.(Connection|Statement)\\b|\\bDataSource\\b");
    private static final Path HELPER = Paths.get("dev", "rapport", "kit", "tenancy", "WorkspaceSql.java");

    @Test
    void nativeSqlRunsOnlyThroughWorkspaceSql() throws IOException {
        Path home = Paths.get(System.getProperty("rapport.home", ".."));
        List<Path> sources = mainSources(home);
        assertTrue(sources.stream().anyMatch(p -> p.endsWith(HELPER)), "scanned the kit itself: " + home.toAbsolutePath());
        assertTrue(sources.stream().anyMatch(p -> p.toString().contains("contacts-service")), "scanned the services");

        List<String> offenders = sources.stream()
                .filter(path -> !path.endsWith(HELPER))
                .filter(path -> NATIVE_SQL.matcher(read(path)).find())
                .map(path -> home.relativize(path).toString())
                .toList();
        assertEquals(List.of(), offenders, "native SQL outside WorkspaceSql (use WorkspaceSql.query or crossWorkspace)");
    }

    /** Java sources of every module's main code; deploy/ (the local stack and its tooling) runs no service. */
    private static List<Path> mainSources(Path home) throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            return files.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> path.toString().contains("/src/main/java/"))
                    .filter(path -> !home.relativize(path).startsWith("deploy"))
                    .filter(path -> !path.toString().contains("/target/") && !path.toString().contains("/node_modules/"))
                    .toList();
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
