package dev.rapport.kubernetes;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.ConfigMappings;
import io.smallrye.config.common.utils.StringUtil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Every setting a service reads, by name: the keys of its properties files and of the kit's and directory's defaults
 * (whatever the profile), the properties of every {@code @ConfigMapping} in its code, plus the few Quarkus settings
 * that deployments set and no file of ours names. An environment variable configures a setting when SmallRye Config
 * would map it to one of these names.
 */
final class ServiceSettings {

    /** Quarkus' own settings the manifests pass and no properties file of ours sets (so none names them). */
    static final Set<String> QUARKUS_FROM_ENVIRONMENT_ONLY = Set.of(
            "quarkus.datasource.password",   // CloudNativePG's generated secret; never in a file
            "quarkus.http.cors.origins",      // each install's front ends
            "quarkus.http.proxy.proxy-address-forwarding", // behind the Gateway: links keep the client's scheme
            "quarkus.http.proxy.allow-x-forwarded",
            "quarkus.shutdown.timeout");      // in-flight requests finish when a pod stops

    private ServiceSettings() {
    }

    static Set<String> names(Services service) {
        Set<String> names = new TreeSet<>(QUARKUS_FROM_ENVIRONMENT_ONLY);
        for (String key : service.properties().stringPropertyNames()) {
            names.add(key.replaceFirst("^%[^.]+\\.", ""));
        }
        for (Class<?> mapping : configMappings(service)) {
            String prefix = mapping.getAnnotation(ConfigMapping.class).prefix();
            names.addAll(ConfigMappings.getProperties(new ConfigMappings.ConfigClass(mapping, prefix)).keySet());
        }
        return names;
    }

    /** The environment variable SmallRye Config reads for {@code property}. */
    static String environmentName(String property) {
        return StringUtil.replaceNonAlphanumericByUnderscores(property).toUpperCase();
    }

    static boolean configures(Services service, String environmentVariable) {
        return names(service).stream().anyMatch(name -> environmentName(name).equals(environmentVariable));
    }

    private static Set<Class<?>> configMappings(Services service) {
        Set<Class<?>> mappings = new java.util.LinkedHashSet<>();
        mappings.addAll(configMappingsIn(jarOf("dev.rapport.kit.tenancy.AuthConfig")));
        if (service != Services.CONTACTS) {
            mappings.addAll(configMappingsIn(jarOf("dev.rapport.directory.config.DirectoryConfig")));
        }
        mappings.addAll(configMappingsIn(jarOf(switch (service) {
            case CONTACTS -> "dev.rapport.contacts.config.ContactsConfig";
            case INTERACTIONS -> "dev.rapport.interactions.config.InteractionsConfig";
            case REMINDERS -> "dev.rapport.reminders.config.RemindersConfig";
        })));
        return mappings;
    }

    private static Path jarOf(String className) {
        try {
            return Path.of(Class.forName(className, false, ServiceSettings.class.getClassLoader())
                    .getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (ClassNotFoundException | URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** The interfaces annotated {@code @ConfigMapping} in a module's jar (or classes directory). */
    private static Set<Class<?>> configMappingsIn(Path location) {
        Set<String> classNames = new TreeSet<>();
        try {
            if (location.toFile().isDirectory()) {
                try (var files = java.nio.file.Files.walk(location)) {
                    files.map(location::relativize).map(Path::toString).filter(n -> n.endsWith(".class"))
                            .forEach(n -> classNames.add(n));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String name = entries.nextElement().getName();
                        if (name.endsWith(".class")) {
                            classNames.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<Class<?>> mappings = new java.util.LinkedHashSet<>();
        for (String file : classNames) {
            String className = file.replace('/', '.').replace('\\', '.').replaceFirst("\\.class$", "");
            try {
                Class<?> candidate = Class.forName(className, false, ServiceSettings.class.getClassLoader());
                if (candidate.isInterface() && candidate.isAnnotationPresent(ConfigMapping.class)) {
                    mappings.add(candidate);
                }
            } catch (ClassNotFoundException | LinkageError e) {
                // A class whose supertypes live in libraries left off this classpath: not a configuration interface.
            }
        }
        return mappings;
    }
}
