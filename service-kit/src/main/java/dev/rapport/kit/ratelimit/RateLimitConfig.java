package dev.rapport.kit.ratelimit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How many requests a workspace and one of its tokens may make ({@code rapport.rate-limit.*}). Each is a token
 * bucket: {@code burst} requests at once, refilled at {@code per-second}. The defaults are far above what a front
 * end or a sync client does at normal use (a page of 100 contacts a second is still 1 % of a token's rate); they
 * stop a runaway loop or a script from starving everyone else. Counted per service instance.
 */
@ConfigMapping(prefix = "rapport.rate-limit")
public interface RateLimitConfig {

    /** Off: no request is ever answered 429 (e.g. for a benchmark of the service itself). */
    @WithDefault("true")
    boolean enabled();

    /** One bearer token (one signed-in user of one front end). */
    Limit token();

    /** Every token of one workspace together. */
    Limit workspace();

    /** Defaults in the kit's META-INF/microprofile-config.properties: a token 100/s (burst 1,000), a workspace 300/s (3,000). */
    interface Limit {

        /** Requests a second, sustained. */
        double perSecond();

        /** Requests at once after a quiet spell. */
        int burst();
    }
}
