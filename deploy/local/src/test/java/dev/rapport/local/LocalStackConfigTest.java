package dev.rapport.local;

import io.quarkus.vertx.http.runtime.cors.CORSFilter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settings the launcher hands each service, read back the way Quarkus reads them: through SmallRye Config
 * (expressions, list splitting) and Quarkus' own CORS origin matching. A backslash lost on the way once made
 * {@code http://localhost:5173} a rejected origin.
 */
class LocalStackConfigTest {

    private static final List<Pattern> ALLOWED = CORSFilter.parseAllowedOriginsRegex(
            serviceConfigAsQuarkusReadsIt().getOptionalValues("quarkus.http.cors.origins", String.class));

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:5173", "http://localhost:3000", "http://localhost",
            "https://localhost:8443", "http://127.0.0.1:5173", "http://[::1]:5173"})
    void browserFrontEndsOnThisMachineAreAllowed(String origin) {
        assertTrue(CORSFilter.isOriginAllowedByRegex(ALLOWED, origin), origin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example", "http://localhost.evil.example", "http://localhost:5173.evil.example",
            "http://127.0.0.1.evil.example", "http://127a0b0c1:5173", "http://localhost:d", "http://[::2]:5173"})
    void otherOriginsAreNot(String origin) {
        assertFalse(CORSFilter.isOriginAllowedByRegex(ALLOWED, origin), origin);
    }

    /** The launcher passes its settings as system properties, which Quarkus reads with every default interceptor. */
    private static SmallRyeConfig serviceConfigAsQuarkusReadsIt() {
        return new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(LocalStack.serviceConfig(LocalStack.Service.CONTACTS,
                        "jdbc:postgresql://localhost:1/contacts", "localhost:2", "file:/keys/jwt-public.pem"),
                        "launcher -D options", 400))
                .build();
    }
}
