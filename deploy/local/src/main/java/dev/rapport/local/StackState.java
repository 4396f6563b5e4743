package dev.rapport.local;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a running launcher tells other commands about itself, in {@code stack.json} in its data directory: which
 * process it is, the fingerprint of the key its services trust and where they listen. Written once the stack is
 * up, removed when it stops; a file left by a killed launcher names a process that no longer exists.
 *
 * @param processStart when the launcher process started, so a reused process id is not mistaken for it
 */
record StackState(long pid, String processStart, String keyFingerprint, Map<String, String> services) {

    private static final String FILE = "stack.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    static StackState ofThisProcess(String keyFingerprint, Map<String, String> services) {
        return new StackState(ProcessHandle.current().pid(), startOf(ProcessHandle.current()), keyFingerprint, services);
    }

    /** Replaces the file in one step, so a reader never sees half of it. */
    void write(Path dataDir) throws IOException {
        Path temporary = Files.createTempFile(dataDir, FILE, ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), this);
        Files.move(temporary, dataDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The stack running from this data directory, if one is. */
    static Optional<StackState> running(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), StackState.class)).filter(StackState::isAlive);
        } catch (IOException e) {
            return Optional.empty(); // unreadable: no launcher would have written it so
        }
    }

    /** Removes the file if this process wrote it. */
    static void removeOwn(Path dataDir) {
        running(dataDir).filter(state -> state.pid == ProcessHandle.current().pid()).ifPresent(state -> {
            try {
                Files.deleteIfExists(dataDir.resolve(FILE));
            } catch (IOException e) {
                // a stale file names a dead process: harmless
            }
        });
    }

    private boolean isAlive() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> Objects.equals(startOf(process), processStart)).isPresent();
    }

    private static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Object::toString).orElse(null);
    }
}
