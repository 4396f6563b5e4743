package dev.rapport.events;

import dev.rapport.testing.EventContract;
import org.junit.jupiter.api.Test;

/** The type names, the schema and example files and the AsyncAPI document name the same events. */
class ReminderEventTypesTest {

    static final EventContract CONTRACT = new EventContract(ReminderEventTypes.ALL, ReminderEventTypes.RESOURCES,
            "reminders", ReminderEventTypes.TOPIC);

    /** A payload the state schema refuses: its id is no id, and everything it requires is missing. */
    static final String INVALID_STATE = "{\"reminderId\":\"not an id\"}";

    @Test
    void everyTypeHasItsSchemaAndAMatchingExampleAndIsPublished() {
        CONTRACT.checkFiles();
    }

    /**
     * An update, a completion, a dismissal and a reminder coming due carry the whole state, as created: one state
     * schema, so they cannot drift apart.
     */
    @Test
    void theUpdatedStateIsTheCreatedState() {
        CONTRACT.checkSameSchema(ReminderEventTypes.UPDATED_V1, ReminderEventTypes.CREATED_V1, INVALID_STATE);
    }

    @Test
    void theCompletedStateIsTheCreatedState() {
        CONTRACT.checkSameSchema(ReminderEventTypes.COMPLETED_V1, ReminderEventTypes.CREATED_V1, INVALID_STATE);
    }

    @Test
    void theDismissedStateIsTheCreatedState() {
        CONTRACT.checkSameSchema(ReminderEventTypes.DISMISSED_V1, ReminderEventTypes.CREATED_V1, INVALID_STATE);
    }

    @Test
    void theDueStateIsTheCreatedState() {
        CONTRACT.checkSameSchema(ReminderEventTypes.DUE_V1, ReminderEventTypes.CREATED_V1, INVALID_STATE);
    }
}
