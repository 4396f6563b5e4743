package dev.rapport.contacts;

import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.StoredApiDocument;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

/** The published API document describes what front ends call: merges, backups, both ways to upload an import. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class OpenApiTest {

    @Test
    void theApiDocumentDescribesMergeUndoBackupRestoreAndBothImportUploads() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/v1/contacts/{id}/merge'.post.operationId", notNullValue())
                .body("paths.'/v1/merges/{id}/undo'.post.operationId", notNullValue())
                .body("paths.'/v1/backups/contacts'.get.operationId", notNullValue())
                .body("paths.'/v1/backups/contacts/restore'.post.requestBody.content", hasKey("application/x-ndjson"))
                .body("paths.'/v1/imports'.post.requestBody.content", hasKey("multipart/form-data"))
                .body("paths.'/v1/imports'.post.requestBody.content", hasKey("text/vcard"));
    }

    /** openapi.yaml in the repository, linted by the build (deploy/client-check), is what this service serves. */
    @Test
    void theServedApiDocumentIsTheStoredOne() throws IOException {
        StoredApiDocument.assertServedDocumentIsStored();
    }
}
