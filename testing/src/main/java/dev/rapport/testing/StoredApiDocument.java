package dev.rapport.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Keeps each service's API document in the repository ({@code <service>/openapi.yaml}), where a change to the API shows
 * up in review, and fails the build when the document the service serves differs from it. After a deliberate API
 * change, run the service's {@code OpenApiTest} with {@code -Drapport.api-document.write=true} and commit the file.
 */
public final class StoredApiDocument {

    public static final String STORED = "openapi.yaml";
    private static final String WRITE = "rapport.api-document.write";

    private StoredApiDocument() {
    }

    /** Compares the served {@code /q/openapi} with the stored file (or writes it, when asked to). */
    public static void assertServedDocumentIsStored() throws IOException {
        String served = given().get("/q/openapi?format=yaml").then().statusCode(200).extract().asString();
        Path stored = Path.of(STORED);
        if (Boolean.getBoolean(WRITE)) {
            Files.writeString(stored, served, StandardCharsets.UTF_8);
        }
        String kept = Files.exists(stored) ? Files.readString(stored, StandardCharsets.UTF_8) : "";
        assertEquals(kept, served, "The served API document differs from " + stored.toAbsolutePath()
                + ": review the change, then rerun with -D" + WRITE + "=true and commit the file");
    }
}
