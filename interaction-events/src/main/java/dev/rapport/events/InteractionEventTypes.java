package dev.rapport.events;

import java.util.List;

/**
 * The interaction events' type names (CloudEvents {@code type}), their topic and where their schemas live: the one
 * place the producer, consumers and tests take them from. Each type has {@code <type>.schema.json} and
 * {@code <type>.example.json} under {@link #RESOURCES}, and a message named after it in {@code asyncapi.yaml} there.
 */
public final class InteractionEventTypes {

    public static final String TOPIC = "rapport.interactions.v1";
    public static final String SOURCE = "/rapport/interactions-service";

    public static final String LOGGED_V1 = "dev.rapport.interaction.logged.v1";
    public static final String UPDATED_V1 = "dev.rapport.interaction.updated.v1";
    public static final String DELETED_V1 = "dev.rapport.interaction.deleted.v1";

    /** Every type interactions-service publishes. */
    public static final List<String> ALL = List.of(LOGGED_V1, UPDATED_V1, DELETED_V1);

    /** The classpath folder of the schemas, examples and AsyncAPI document, served by interactions-service at /events/. */
    public static final String RESOURCES = "META-INF/resources/events/interactions/";

    private InteractionEventTypes() {
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
