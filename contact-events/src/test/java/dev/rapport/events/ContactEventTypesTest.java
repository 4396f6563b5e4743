package dev.rapport.events;

import dev.rapport.testing.EventContract;
import org.junit.jupiter.api.Test;

/** The type names, the schema and example files and the AsyncAPI document name the same events. */
class ContactEventTypesTest {

    static final EventContract CONTRACT = new EventContract(ContactEventTypes.ALL, ContactEventTypes.RESOURCES,
            "contacts", ContactEventTypes.TOPIC);

    @Test
    void everyTypeHasItsSchemaAndAMatchingExampleAndIsPublished() {
        CONTRACT.checkFiles();
    }

    /** A restored contact is described as created: one state schema, so the two cannot drift apart. */
    @Test
    void theRestoredStateIsTheCreatedState() {
        CONTRACT.checkSameSchema(ContactEventTypes.RESTORED_V1, ContactEventTypes.CREATED_V1,
                "{\"contactId\":\"not a contact\"}");
    }
}
