package dev.rapport.kit.http;

import io.quarkiverse.resteasy.problem.HttpProblem;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrueFalseParameterTest {

    @Test
    void onlyTrueAndFalseAreRead() {
        assertTrue(TrueFalseParameter.require("dryRun", "true"));
        assertFalse(TrueFalseParameter.require("dryRun", "false"));
        assertFalse(TrueFalseParameter.require("dryRun", null));
    }

    @Test
    void anythingElseIsRefusedRatherThanReadAsFalse() {
        for (String text : new String[] {"1", "yes", "maybe", "TRUE", "", " true"}) {
            HttpProblem problem = assertThrows(HttpProblem.class, () -> TrueFalseParameter.require("dryRun", text), text);
            assertEquals(422, problem.getStatusCode(), text);
        }
    }
}
