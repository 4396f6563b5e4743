package dev.rapport.kit.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The HTTP layer's own hard limit ({@code quarkus.http.limits.max-body-size}), as the kit reads it. */
@ConfigMapping(prefix = "quarkus.http.limits")
public interface HttpLimitsConfig {

    @WithDefault("10M")
    MemorySize maxBodySize();
}
