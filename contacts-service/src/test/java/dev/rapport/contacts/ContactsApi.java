package dev.rapport.contacts;

import dev.rapport.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Calls on the contacts API as a member of one workspace, so tests read as what a front end does. */
record ContactsApi(String workspace, String token) {

    static ContactsApi member(String workspace) {
        return new ContactsApi(workspace, TestTokens.member(workspace));
    }

    ValidatableResponse create(String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json)
                .post("/v1/contacts").then();
    }

    String createId(String json) {
        return create(json).statusCode(201).extract().path("id");
    }

    ValidatableResponse get(String id) {
        return given().auth().oauth2(token).get("/v1/contacts/" + id).then();
    }

    ValidatableResponse patch(String id, String etag, String json) {
        return given().auth().oauth2(token).contentType("application/merge-patch+json").header("If-Match", etag)
                .body(json).patch("/v1/contacts/" + id).then();
    }

    String etag(String id) {
        return get(id).statusCode(200).extract().header("ETag");
    }

    /** Uploads a file to import and waits for the job to end; its final state. */
    JsonPath importFile(String contentType, byte[] file, String query) {
        String location = given().auth().oauth2(token).contentType(contentType).body(file)
                .post("/v1/imports" + query).then().statusCode(202)
                .body("status", equalTo("queued"))
                .extract().header("Location");
        return awaitImport(location);
    }

    JsonPath awaitImport(String location) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(
                () -> given().auth().oauth2(token).get(location).then().statusCode(200).extract().jsonPath(),
                job -> List.of("succeeded", "failed").contains(job.getString("status")));
    }
}
