package dev.rapport.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The local launcher ({@code deploy/local/run} without the build step) as a child process. */
final class LauncherProcess implements AutoCloseable {

    static final Path HOME = Path.of(System.getProperty("rapport.home", "../..")).toAbsolutePath().normalize();

    private final Process process;
    private final Path dataDir;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();

    private LauncherProcess(Process process, Path dataDir) {
        this.process = process;
        this.dataDir = dataDir;
        collect(process.getInputStream(), stdout);
        collect(process.getErrorStream(), stderr);
    }

    static LauncherProcess start(Path dataDir, List<String> options) throws IOException {
        List<String> command = localCommand("dev.rapport.local.Launcher", "--home=" + HOME, "--data-dir=" + dataDir);
        command.addAll(options);
        return new LauncherProcess(new ProcessBuilder(command).start(), dataDir);
    }

    /** What {@code deploy/local/token --data-dir=DIR OPTIONS} prints: a token, or fails the test with its error. */
    static String mintToken(Path dataDir, String... options) throws IOException, InterruptedException {
        List<String> command = localCommand("dev.rapport.local.MintToken", "--data-dir=" + dataDir);
        command.addAll(List.of(options));
        Process mint = new ProcessBuilder(command).start();
        // A token and a line or two of errors: small enough to read one stream after the other.
        String token = new String(mint.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String errors = new String(mint.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (mint.waitFor() != 0) {
            throw new AssertionError("deploy/local/token exited with " + mint.exitValue() + ": " + errors);
        }
        return token;
    }

    /** A main class of deploy/local, on the classpath deploy/local/run gives it. */
    private static List<String> localCommand(String mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-cp", HOME.resolve("deploy/local/target/rapport-local.jar") + java.io.File.pathSeparator
                        + HOME.resolve("deploy/local/target/lib/*"),
                mainClass));
        command.addAll(List.of(args));
        return command;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    void awaitOutput(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (stdout.stream().anyMatch(line -> line.contains(text))) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("Launcher exited with " + process.exitValue() + diagnostics());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Launcher did not print '" + text + "' within " + timeout + diagnostics());
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Launcher still running after " + timeout + diagnostics());
        }
        return process.exitValue();
    }

    /** The value of the first printed line containing {@code prefix}, after the prefix. */
    String printedAfter(String prefix) {
        return stdout.stream().filter(line -> line.contains(prefix)).findFirst()
                .map(line -> line.substring(line.indexOf(prefix) + prefix.length()).trim())
                .orElseThrow(() -> new AssertionError("Launcher printed no '" + prefix + "'" + diagnostics()));
    }

    List<String> stderr() {
        return stderr;
    }

    /** SIGTERM, which runs the same shutdown hook as Ctrl-C; returns the exit code (143 for SIGTERM). */
    int stop() throws InterruptedException {
        process.destroy();
        return awaitExit(Duration.ofSeconds(90));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private String diagnostics() {
        StringBuilder out = new StringBuilder("\nstdout: ").append(stdout).append("\nstderr: ").append(stderr);
        Path logs = dataDir.resolve("logs");
        if (Files.isDirectory(logs)) {
            try (Stream<Path> files = Files.list(logs)) {
                for (Path log : files.toList()) {
                    List<String> lines = Files.readAllLines(log);
                    out.append("\n--- ").append(log.getFileName()).append(" (last lines)\n")
                            .append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
                }
            } catch (IOException e) {
                out.append("\n(could not read logs: ").append(e.getMessage()).append(')');
            }
        }
        return out.toString();
    }

    private static void collect(InputStream stream, List<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
    }
}
