package dev.rapport.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The infrastructure tests share: started on first use, once per JVM, on free ports in a temporary
 * directory, with PostgreSQL's durability switched off for speed; stopped when the JVM exits.
 */
public final class TestInfrastructure {

    private static Infrastructure instance;
    private static Path dataDir;

    private TestInfrastructure() {
    }

    public static synchronized Infrastructure get() {
        if (instance == null) {
            try {
                dataDir = Files.createTempDirectory("rapport-test-");
                instance = Infrastructure.start(new Infrastructure.Settings(dataDir,
                        Ports.free(), Ports.free(), Ports.free(), false));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the test infrastructure", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::shutdown, "rapport-test-infra-stop"));
        }
        return instance;
    }

    private static synchronized void shutdown() {
        try {
            instance.close();
        } catch (IOException | RuntimeException e) {
            System.err.println("rapport: stopping the test infrastructure failed: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // temporary files only
        }
    }
}
