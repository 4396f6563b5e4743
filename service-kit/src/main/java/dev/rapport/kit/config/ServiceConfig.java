package dev.rapport.kit.config;

import io.smallrye.config.ConfigMapping;

/** The service's name ({@code quarkus.application.name}): the events' source, backup headers and file names. */
@ConfigMapping(prefix = "quarkus.application")
public interface ServiceConfig {

    String name();
}
