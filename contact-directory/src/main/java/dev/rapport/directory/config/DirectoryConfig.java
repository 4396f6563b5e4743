package dev.rapport.directory.config;

import io.smallrye.config.ConfigMapping;

/**
 * What a service using the contact directory names for itself ({@code rapport.contact-directory.*} in its
 * application.properties).
 */
@ConfigMapping(prefix = "rapport.contact-directory")
public interface DirectoryConfig {

    /**
     * The consumer name the inbox records applied events under (and the {@code consumer} tag of
     * {@code rapport_events_consumed_total}), e.g. {@code interactions.contact-projection}. Changing it makes the
     * service forget which events it has applied.
     */
    String consumer();

    /** How the service's API document names the summary endpoint and its types. */
    OpenApi openapi();

    interface OpenApi {

        /**
         * Prefix of the operation id and schema names, unique across the services' API documents: with
         * {@code Interaction}, {@code getInteractionContactSummary}, {@code InteractionContactSummary},
         * {@code InteractionContactBirthday}.
         */
        String prefix();

        /** The operation's summary, e.g. "A contact as the interaction log knows it". */
        String summary();
    }
}
