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

/**
 * The journey a front end makes, in TypeScript against the types generated from the combined API document, driven
 * with openapi-fetch against the running services (deploy/client-check, {@code npm run journey}): a call the types
 * do not allow fails to compile, an answer they do not describe fails an assertion.
 */
class ClientJourneyIT {

    private static final Path CLIENT_CHECK = LauncherProcess.HOME.resolve("deploy/client-check");

    @Test
    void aFrontEndWrittenAgainstTheGeneratedTypesMakesItsWholeJourney() throws Exception {
        LocalStack stack = SharedStack.get();
        String token = Tokens.sign(Tokens.Spec.of("journey-" + UUID.randomUUID(), "front-end-developer", "member"),
                stack.keys().privateKey());
        if (!Files.isDirectory(CLIENT_CHECK.resolve("node_modules"))) {
            assertEquals(0, npm(Map.of(), "ci", "--no-audit", "--no-fund", "--ignore-scripts").exitCode, "npm ci");
        }
        Result journey = npm(Map.of(
                "RAPPORT_TOKEN", token,
                "RAPPORT_CONTACTS_URL", stack.url(Service.CONTACTS),
                "RAPPORT_INTERACTIONS_URL", stack.url(Service.INTERACTIONS),
                "RAPPORT_REMINDERS_URL", stack.url(Service.REMINDERS)), "run", "--silent", "journey");
        System.out.println("ClientJourneyIT:\n" + journey.output);
        assertEquals(0, journey.exitCode, "the journey failed:\n" + journey.output);
        assertTrue(journey.output.contains("The journey passed."), journey.output);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result npm(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("npm"));
        command.addAll(List.of(arguments));
        Path log = Files.createTempFile("client-journey", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(CLIENT_CHECK.toFile())
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
