package dev.rapport.kit.outbox;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudienceTest {

    @Test
    void theWorkspaceIncludesEveryoneAUserOnlyThemselvesNobodyNoOne() {
        assertTrue(Audience.WORKSPACE.includes("ada"));
        assertTrue(Audience.only("ada").includes("ada"));
        assertFalse(Audience.only("ada").includes("bob"));
        assertFalse(Audience.NOBODY.includes("ada"));
    }

    @Test
    void privateDataOfOneOwnerIsTheirsOfSeveralNobodys() {
        assertEquals(Audience.WORKSPACE, Audience.ofPrivateTo(List.of()));
        assertEquals(Audience.only("ada"), Audience.ofPrivateTo(List.of("ada", "ada")));
        assertEquals(Audience.NOBODY, Audience.ofPrivateTo(List.of("ada", "bob")));
    }

    @Test
    void theWireFormRoundTripsAndAnEventWithoutOneReachesNoOne() {
        for (Audience audience : List.of(Audience.WORKSPACE, Audience.only("ada"), Audience.NOBODY)) {
            assertEquals(audience, Audience.fromWire(audience.wire()));
        }
        assertEquals("*", Audience.WORKSPACE.wire());
        assertFalse(Audience.fromWire(null).includes("ada"));
    }
}
