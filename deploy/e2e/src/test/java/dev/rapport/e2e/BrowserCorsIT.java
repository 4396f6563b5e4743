package dev.rapport.e2e;

import dev.rapport.local.LocalStack;
import dev.rapport.local.LocalStack.Service;
import dev.rapport.local.Tokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * CORS as a browser enforces it (deploy/client-check, {@code npm run cors}): Chromium, driven by playwright-core,
 * loads pages from other origins on this machine and calls the running services from them. Two localhost ports (the
 * local stack allows any) create with {@code Idempotency-Key}, update with {@code If-Match} and read {@code ETag},
 * {@code Location}, {@code Link}, {@code Idempotent-Replayed} and {@code Content-Disposition}; an origin the stack
 * does not allow is refused by the browser, while the same calls from Node succeed.
 *
 * <p>Needs Chromium at {@code /usr/bin/chromium} (or {@code CHROMIUM=<executable>}); playwright-core downloads no
 * browser. When it is missing and the build runs as root on a machine with apt-get (a CI runner), this test installs
 * Debian's {@code chromium} package; otherwise it fails saying how to install it. It never skips.
 */
class BrowserCorsIT {

    private static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path APT_GET = Path.of("/usr/bin/apt-get");

    @Test
    void aBrowserLetsTheAllowedOriginsCallTheApiAndRefusesTheOthers() throws Exception {
        Path chromium = chromium();
        LocalStack stack = SharedStack.get();
        String token = Tokens.sign(Tokens.Spec.of("cors-" + UUID.randomUUID(), "front-end-developer", "member"),
                stack.keys().privateKey());
        ClientCheck.installed("playwright-core");
        ClientCheck.Result cors = ClientCheck.npm(Map.of(
                "CHROMIUM", chromium.toString(),
                "RAPPORT_TOKEN", token,
                "RAPPORT_CONTACTS_URL", stack.url(Service.CONTACTS),
                "RAPPORT_INTERACTIONS_URL", stack.url(Service.INTERACTIONS),
                "RAPPORT_REMINDERS_URL", stack.url(Service.REMINDERS)), "run", "--silent", "cors");
        System.out.println("BrowserCorsIT:\n" + cors.output());
        assertEquals(0, cors.exitCode(), "the browser's CORS checks failed:\n" + cors.output());
        assertTrue(cors.output().contains("CORS holds in a real browser"), cors.output());
    }

    /** The Chromium to drive: {@code CHROMIUM}, or Debian's, installed first where this build may install it. */
    private static Path chromium() throws IOException, InterruptedException {
        String configured = System.getenv("CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            assertTrue(Files.isExecutable(path), "CHROMIUM=" + configured + " is not an executable file");
            return path;
        }
        if (Files.isExecutable(DEBIAN_CHROMIUM)) {
            return DEBIAN_CHROMIUM;
        }
        if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(APT_GET)) {
            fail("BrowserCorsIT drives Chromium and finds none at " + DEBIAN_CHROMIUM + ". Install it (Debian: "
                    + "`sudo apt-get install -y chromium`), or point CHROMIUM at a Chromium or Chrome executable "
                    + "(e.g. CHROMIUM=/usr/bin/google-chrome). Run as root with apt-get, the build installs it itself.");
        }
        apt("update");
        apt("install", "-y", "chromium");
        assertTrue(Files.isExecutable(DEBIAN_CHROMIUM), "apt-get installed chromium, but " + DEBIAN_CHROMIUM + " is missing");
        return DEBIAN_CHROMIUM;
    }

    private static void apt(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(APT_GET.toString()));
        command.addAll(List.of(arguments));
        System.out.println("BrowserCorsIT: no Chromium at " + DEBIAN_CHROMIUM + "; " + String.join(" ", command));
        Path log = Files.createTempFile("apt-get", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process process = builder.start();
        try {
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                fail(String.join(" ", command) + " did not finish in 15 minutes:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
