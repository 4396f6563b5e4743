package dev.rapport.e2e;

import dev.rapport.local.LocalStack;
import dev.rapport.local.LocalStack.Service;
import dev.rapport.local.Tokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The journey a front end makes, in TypeScript against the types generated from the combined API document, driven
 * with openapi-fetch against the running services (deploy/client-check, {@code npm run journey}): a call the types
 * do not allow fails to compile, an answer they do not describe fails an assertion.
 */
class ClientJourneyIT {

    @Test
    void aFrontEndWrittenAgainstTheGeneratedTypesMakesItsWholeJourney() throws Exception {
        LocalStack stack = SharedStack.get();
        String token = Tokens.sign(Tokens.Spec.of("journey-" + UUID.randomUUID(), "front-end-developer", "member"),
                stack.keys().privateKey());
        ClientCheck.installed("openapi-fetch");
        ClientCheck.Result journey = ClientCheck.npm(Map.of(
                "RAPPORT_TOKEN", token,
                "RAPPORT_CONTACTS_URL", stack.url(Service.CONTACTS),
                "RAPPORT_INTERACTIONS_URL", stack.url(Service.INTERACTIONS),
                "RAPPORT_REMINDERS_URL", stack.url(Service.REMINDERS)), "run", "--silent", "journey");
        System.out.println("ClientJourneyIT:\n" + journey.output());
        assertEquals(0, journey.exitCode(), "the journey failed:\n" + journey.output());
        assertTrue(journey.output().contains("The journey passed."), journey.output());
    }
}
