package dev.rapport.events;

import java.util.List;

/**
 * The reminder events' type names (CloudEvents {@code type}), their topic and where their schemas live: the one
 * place the producer, consumers and tests take them from. Each type has {@code <type>.schema.json} and
 * {@code <type>.example.json} under {@link #RESOURCES}, and a message named after it in {@code asyncapi.yaml} there.
 */
public final class ReminderEventTypes {

    public static final String TOPIC = "rapport.reminders.v1";
    public static final String SOURCE = "/rapport/reminders-service";

    public static final String CREATED_V1 = "dev.rapport.reminder.created.v1";
    public static final String UPDATED_V1 = "dev.rapport.reminder.updated.v1";
    public static final String COMPLETED_V1 = "dev.rapport.reminder.completed.v1";
    public static final String DISMISSED_V1 = "dev.rapport.reminder.dismissed.v1";
    /** A reminder came due: published once for each time it comes due, by the scheduler, with its state. */
    public static final String DUE_V1 = "dev.rapport.reminder.due.v1";
    public static final String DELETED_V1 = "dev.rapport.reminder.deleted.v1";

    /** Every type reminders-service publishes. */
    public static final List<String> ALL = List.of(CREATED_V1, UPDATED_V1, COMPLETED_V1, DISMISSED_V1, DUE_V1,
            DELETED_V1);

    /** The classpath folder of the schemas, examples and AsyncAPI document, served by reminders-service at /events/. */
    public static final String RESOURCES = "META-INF/resources/events/reminders/";

    private ReminderEventTypes() {
    }

    /** Classpath name of the JSON Schema of {@code type}. */
    public static String schema(String type) {
        return RESOURCES + type + ".schema.json";
    }

    /** Classpath name of the published example of {@code type}. */
    public static String example(String type) {
        return RESOURCES + type + ".example.json";
    }
}
