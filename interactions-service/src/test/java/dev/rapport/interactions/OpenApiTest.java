package dev.rapport.interactions;

import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.StoredApiDocument;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The API document front ends generate clients from (the served event contract: deploy/e2e LocalStackIT). */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class OpenApiTest {

    @Test
    void everyOperationIsNamedTaggedAndSummarisedAndTheUploadsAreDescribed() {
        JsonPath document = given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/v1/calendar-imports'.post.requestBody.content", hasKey("multipart/form-data"))
                .body("paths.'/v1/calendar-imports'.post.requestBody.content", hasKey("text/calendar"))
                .body("paths.'/v1/interactions/{id}'.patch.requestBody.content", hasKey("application/merge-patch+json"))
                .extract().jsonPath();
        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<String> expected = List.of("/v1/interactions", "/v1/interactions/{id}", "/v1/interactions/stats",
                "/v1/contacts/{contactId}/timeline", "/v1/contacts/{contactId}/stats", "/v1/calendar-imports",
                "/v1/calendar-imports/{id}", "/v1/calendar-sources", "/v1/calendar-sources/{id}",
                "/v1/calendar-sources/{id}/poll");
        assertTrue(paths.keySet().containsAll(expected), "documented: " + paths.keySet());
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!(operation instanceof Map<?, ?> op) || !op.containsKey("responses")) {
                return;
            }
            String what = method + " " + path;
            assertTrue(op.get("operationId") instanceof String, "operationId of " + what);
            assertTrue(op.get("summary") instanceof String, "summary of " + what);
            assertFalse(((List<?>) op.get("tags")).isEmpty(), "tags of " + what);
        }));
    }

    /** openapi.yaml in the repository, linted by the build (deploy/client-check), is what this service serves. */
    @Test
    void theServedApiDocumentIsTheStoredOne() throws IOException {
        StoredApiDocument.assertServedDocumentIsStored();
    }
}
