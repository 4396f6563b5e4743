package dev.rapport.events;

import java.util.List;

/**
 * The contact events' type names (CloudEvents {@code type}), their topic and where their schemas live: the one
 * place consumers take them from. Each type has {@code <type>.schema.json} and {@code <type>.example.json} under
 * {@link #RESOURCES}, and a message named after it in {@code asyncapi.yaml} there; this module's tests keep the
 * three in step, and contacts-service's schema test checks that what it emits is one of them.
 */
public final class ContactEventTypes {

    public static final String TOPIC = "rapport.contacts.v1";
    public static final String SOURCE = "/rapport/contacts-service";

    public static final String CREATED_V1 = "dev.rapport.contact.created.v1";
    public static final String UPDATED_V1 = "dev.rapport.contact.updated.v1";
    public static final String DELETED_V1 = "dev.rapport.contact.deleted.v1";
    public static final String JOB_CHANGED_V1 = "dev.rapport.contact.job-changed.v1";
    public static final String MOVED_V1 = "dev.rapport.contact.moved.v1";
    public static final String RELATIONSHIP_CHANGED_V1 = "dev.rapport.contact.relationship-changed.v1";
    public static final String MERGED_V1 = "dev.rapport.contact.merged.v1";
    public static final String MERGE_UNDONE_V1 = "dev.rapport.contact.merge-undone.v1";
    /** A contact is back (from a backup) as it was: its state as in {@link #CREATED_V1}, replacing what is held. */
    public static final String RESTORED_V1 = "dev.rapport.contact.restored.v1";

    /** Every type contacts-service publishes. */
    public static final List<String> ALL = List.of(CREATED_V1, UPDATED_V1, DELETED_V1, JOB_CHANGED_V1, MOVED_V1,
            RELATIONSHIP_CHANGED_V1, MERGED_V1, MERGE_UNDONE_V1, RESTORED_V1);

    /**
     * The classpath folder of the schemas, examples and AsyncAPI document. Under {@code META-INF/resources} so a
     * Quarkus application that depends on this jar (contacts-service) serves them at {@code /events/}.
     */
    public static final String RESOURCES = "META-INF/resources/events/contacts/";

    private ContactEventTypes() {
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
