package dev.rapport.kit.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

/** Request body limits ({@code rapport.http.*}). */
@ConfigMapping(prefix = "rapport.http")
public interface HttpConfig {

    /** The largest JSON request body; larger ones are a 413 problem. */
    @WithDefault("1M")
    MemorySize maxJsonBody();

    /** Path prefixes of uploads, which may be as large as {@code quarkus.http.limits.max-body-size}. */
    @WithDefault("/v1/imports,/v1/backups/")
    List<String> uploadPaths();
}
