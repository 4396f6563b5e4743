package dev.rapport.kit.tenancy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Authentication settings of the kit ({@code rapport.auth.*}). */
@ConfigMapping(prefix = "rapport.auth")
public interface AuthConfig {

    /** The token claim holding the workspace id. */
    @WithDefault("workspace")
    String workspaceClaim();
}
