package dev.rapport.reminders.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;
import java.util.Optional;

@ConfigMapping(prefix = "rapport.reminders")
public interface RemindersConfig {

    @WithDefault("50")
    int defaultPageSize();

    @WithDefault("200")
    int maxPageSize();

    /** PATCH and DELETE without If-Match answer 428. */
    @WithDefault("true")
    boolean requireIfMatch();

    /** A user's zone until they choose one (GET/PUT /v1/reminder-settings). */
    @WithDefault("UTC")
    ZoneId defaultTimeZone();

    /** How many days ahead a birthday is announced until a user chooses. */
    @WithDefault("7")
    int defaultBirthdayLeadDays();

    /**
     * The origin calendar apps reach this service by (e.g. https://rapport.example.com), for the feed URLs it hands
     * out; unset, the origin of the request that creates the feed.
     */
    Optional<String> feedBaseUrl();

    /** How often the due scheduler looks for reminders come due ({@code off}: never, e.g. in tests that call it). */
    @WithDefault("10s")
    String dueCheckEvery();

    /** How long after start it first looks. */
    @WithDefault("5s")
    String dueCheckDelay();

    /** At most this many reminders are announced per workspace and transaction by the due scheduler. */
    @WithDefault("500")
    int dueBatchSize();
}
