package dev.rapport.contacts.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "rapport.contacts")
public interface ContactsConfig {

    /** PATCH and DELETE without If-Match get 428, so a stale client can never overwrite a newer change. */
    @WithDefault("true")
    boolean requireIfMatch();

    /** Region (ISO 3166) for phone numbers written without a country code, unless the workspace sets its own. */
    Optional<String> defaultPhoneRegion();

    @WithDefault("50")
    int defaultPageSize();

    @WithDefault("200")
    int maxPageSize();

    /** How long a merge can be undone; after that its absorbed contacts only name their survivor. */
    @WithDefault("P30D")
    Duration mergeUndoWindow();
}
