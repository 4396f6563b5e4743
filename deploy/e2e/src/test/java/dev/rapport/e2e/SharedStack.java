package dev.rapport.e2e;

import dev.rapport.local.LocalStack;
import dev.rapport.local.LocalStack.Service;
import dev.rapport.local.Ports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * One stack for the test classes that need no settings of their own (the contract fuzzer, the concurrency, attack and
 * resource checks, the database restart, the cross-service flows and the broker outage): started by the first that asks, stopped when the test JVM exits, so the
 * build pays for its start once. Each class works in workspaces of its own, and one that stops a part of the stack
 * (PostgreSQL, Kafka) waits until every service serves again before it ends.
 */
final class SharedStack {

    private static LocalStack stack;
    private static Path dataDir;
    private static boolean hooked;

    private SharedStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            try {
                dataDir = Files.createTempDirectory("rapport-shared-stack");
                Map<Service, Integer> ports = new EnumMap<>(Service.class);
                for (Service service : Service.values()) {
                    ports.put(service, Ports.free());
                }
                LocalStack started = LocalStack.start(new LocalStack.Settings(LauncherProcess.HOME, dataDir, Ports.free(),
                        Ports.free(), Ports.free(), ports, false), LocalStack.withLimitsOutOfReach(Map.of()));
                stack = started;
                if (!hooked) {
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            stop();
                        } catch (IOException e) {
                            // the JVM is leaving; the temporary directory goes with the OS's cleanup
                        }
                    }, "shared-stack-stop"));
                    hooked = true;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stack;
    }

    /** Stops the shared stack, if it runs; the next {@link #get()} starts another. */
    static synchronized void stop() throws IOException {
        if (stack != null) {
            try {
                stack.close();
            } finally {
                stack = null;
            }
        }
    }

    /** Where the shared stack keeps its data and its services' logs ({@code logs/}). */
    static synchronized Path dataDir() {
        get();
        return dataDir;
    }
}
