package dev.rapport.kit.backup;

import dev.rapport.kit.KitTestResource;
import dev.rapport.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A workspace's rows out as a signed NDJSON backup and back into another, empty workspace. */
@QuarkusTest
@WithTestResource(KitTestResource.class)
class BackupRestoreTest {

    @Test
    void aBackupRestoresIntoAnEmptyWorkspaceOnceAndOnlyAsWritten() {
        String from = "backup-source";
        String into = "backup-target";
        for (String body : List.of("alpha", "beta", "gamma")) {
            given().auth().oauth2(TestTokens.admin(from)).contentType(ContentType.JSON)
                    .body("{\"body\":\"" + body + "\"}").post("/test/notes").then().statusCode(201);
        }
        given().auth().oauth2(TestTokens.admin("backup-bystander")).contentType(ContentType.JSON)
                .body("{\"body\":\"not mine\"}").post("/test/notes").then().statusCode(201);

        String backup = given().auth().oauth2(TestTokens.admin(from)).get(BackupResource.path("kit-test"))
                .then().statusCode(200).contentType(WorkspaceBackup.MEDIA_TYPE).extract().asString();
        List<String> lines = backup.lines().toList();
        assertEquals(5, lines.size(), "header, three rows, end line: " + backup);
        assertTrue(lines.get(0).contains("\"service\":\"kit-test\""), lines.get(0));
        assertTrue(backup.lines().noneMatch(line -> line.contains("workspace_id") || line.contains("not mine")),
                "rows of the workspace only, without their workspace");

        // The rows' ids are this install's: they restore only where they are not (the source is emptied first).
        given().auth().oauth2(TestTokens.admin(from)).delete("/test/notes").then().statusCode(204);
        restore(into, backup).then().statusCode(200).body("restored.kit_note", equalTo(3));
        assertEquals(List.of("alpha", "beta", "gamma"), notes(into));
        assertEquals(List.of(), notes(from));

        restore(into, backup).then().statusCode(409);
        restore("backup-tampered", backup.replace("beta", "bet4")).then().statusCode(400);
        assertEquals(List.of(), notes("backup-tampered"));
    }

    @Test
    void eachServiceNamesItsBackupOperationsAfterItself() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/v1/backups/kit-test'.get.operationId", equalTo("backupKitTest"))
                .body("paths.'/v1/backups/kit-test/restore'.post.operationId", equalTo("restoreKitTest"));
    }

    private static Response restore(String workspace, String backup) {
        return given().auth().oauth2(TestTokens.admin(workspace)).contentType(WorkspaceBackup.MEDIA_TYPE)
                .body(backup.getBytes(StandardCharsets.UTF_8)).post(BackupResource.path("kit-test") + "/restore");
    }

    private static List<String> notes(String workspace) {
        return given().auth().oauth2(TestTokens.admin(workspace)).get("/test/notes")
                .then().statusCode(200).extract().jsonPath().getList(".", String.class);
    }
}
