package dev.rapport.kit.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;

/**
 * How many requests a user and a workspace may make ({@code rapport.rate-limit.*}). Each is a token bucket:
 * {@code burst} requests at once, refilled at {@code per-second}. The defaults (the kit's
 * META-INF/microprofile-config.properties) are far above what a front end or a sync client does at normal use; they
 * stop a runaway loop or script from starving everyone else. Counted by each service instance.
 */
@ConfigMapping(prefix = "rapport.rate-limit")
public interface RateLimitConfig {

    /** Off: no request is ever answered 429. */
    @WithDefault("true")
    boolean enabled();

    /** One user (a token's subject) of one workspace, whichever of their tokens they send. */
    @Valid
    Limit user();

    /** Every user of one workspace together. */
    @Valid
    Limit workspace();

    interface Limit {

        /** Requests a second, sustained. */
        @Positive
        double perSecond();

        /** Requests at once after a quiet spell. */
        @Min(1)
        int burst();
    }
}
