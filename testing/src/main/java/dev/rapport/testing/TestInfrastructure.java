package dev.rapport.testing;

import dev.rapport.local.DevKeys;
import dev.rapport.local.Infrastructure;
import dev.rapport.local.Ports;

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

    private static final String STARTED = "rapport.test.infrastructure.started";
    private static Infrastructure instance;
    private static DevKeys keys;
    private static Path dataDir;

    private TestInfrastructure() {
    }

    public static synchronized Infrastructure get() {
        if (instance == null) {
            // A second copy of this class (another class loader) would start a second, unrelated broker and
            // database, and tests that stop "the" broker would silently stop the wrong one.
            if (System.getProperty(STARTED) != null) {
                throw new IllegalStateException("The test infrastructure was already started by another class loader");
            }
            System.setProperty(STARTED, "true");
            try {
                dataDir = Files.createTempDirectory("rapport-test-");
                instance = Infrastructure.start(new Infrastructure.Settings(dataDir,
                        Ports.free(), Ports.free(), Ports.free(), false));
                keys = DevKeys.loadOrCreate(dataDir.resolve("keys"));
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the test infrastructure", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::shutdown, "rapport-test-infra-stop"));
        }
        return instance;
    }

    /** The key pair whose public half the services under test trust. */
    public static synchronized DevKeys keys() {
        get();
        return keys;
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
