package dev.rapport.interactions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rapport.interactions")
public interface InteractionsConfig {

    /** PATCH and DELETE without If-Match get 428, so a stale client can never overwrite a newer change. */
    @WithDefault("true")
    boolean requireIfMatch();

    @WithDefault("50")
    int defaultPageSize();

    @WithDefault("200")
    int maxPageSize();
}
