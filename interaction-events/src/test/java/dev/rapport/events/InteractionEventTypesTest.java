package dev.rapport.events;

import dev.rapport.testing.EventContract;
import org.junit.jupiter.api.Test;

/** The type names, the schema and example files and the AsyncAPI document name the same events. */
class InteractionEventTypesTest {

    static final EventContract CONTRACT = new EventContract(InteractionEventTypes.ALL, InteractionEventTypes.RESOURCES,
            "interactions", InteractionEventTypes.TOPIC);

    @Test
    void everyTypeHasItsSchemaAndAMatchingExampleAndIsPublished() {
        CONTRACT.checkFiles();
    }

    /** An update carries the whole state, as logged: one state schema, so the two cannot drift apart. */
    @Test
    void theUpdatedStateIsTheLoggedState() {
        CONTRACT.checkSameSchema(InteractionEventTypes.UPDATED_V1, InteractionEventTypes.LOGGED_V1,
                "{\"interactionId\":\"not an id\"}");
    }
}
