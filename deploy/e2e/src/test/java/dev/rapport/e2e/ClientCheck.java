package dev.rapport.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** deploy/client-check's npm scripts, run by the tests that take them to the running services. */
final class ClientCheck {

    static final Path HOME = LauncherProcess.HOME.resolve("deploy/client-check");

    record Result(int exitCode, String output) {
    }

    private ClientCheck() {
    }

    /**
     * Installs the locked packages ({@code npm ci}) when {@code node_modules} lacks the one a script needs: a clone
     * whose client-check module has not been built, or an install from before that package was added.
     */
    static void installed(String npmPackage) throws IOException, InterruptedException {
        if (!Files.isDirectory(HOME.resolve("node_modules").resolve(npmPackage))) {
            Result ci = npm(Map.of(), "ci", "--no-audit", "--no-fund", "--ignore-scripts");
            assertEquals(0, ci.exitCode(), "npm ci:\n" + ci.output());
        }
    }

    /** Runs npm in deploy/client-check with these variables added to the environment; at most 5 minutes. */
    static Result npm(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("npm"));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile("client-check", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(HOME.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("npm " + String.join(" ", arguments) + " did not finish in 5 minutes:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
