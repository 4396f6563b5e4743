package dev.rapport.contacts;

import dev.rapport.testing.RapportInfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** POST with Idempotency-Key: a retry returns the first response and creates nothing more. */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class IdempotencyKeyTest {

    private final ContactsApi api = ContactsApi.member("idem-" + UUID.randomUUID());

    private ExtractableResponse<Response> post(String key, String body) {
        return given().auth().oauth2(api.token()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/v1/contacts").then().extract();
    }

    @Test
    void aReplayedKeyReturnsTheSameResponseAndCreatesOneContact() {
        String key = UUID.randomUUID().toString();
        String body = "{\"displayName\":\"Once Only\"}";
        ExtractableResponse<Response> first = post(key, body);
        ExtractableResponse<Response> retry = post(key, body);

        assertEquals(201, first.statusCode());
        assertEquals(201, retry.statusCode());
        assertEquals(first.header("Location"), retry.header("Location"));
        assertEquals(first.header("ETag"), retry.header("ETag"));
        assertEquals(first.<String>path("id"), retry.<String>path("id"));
        assertEquals("true", retry.header("Idempotent-Replayed"));
        given().auth().oauth2(api.token()).get("/v1/contacts?q=once only").then().body("items", hasSize(1));
    }

    @Test
    void theSameKeyWithAnotherBodyIsA422() {
        String key = UUID.randomUUID().toString();
        assertEquals(201, post(key, "{\"displayName\":\"First Body\"}").statusCode());
        ExtractableResponse<Response> other = post(key, "{\"displayName\":\"Second Body\"}");
        assertEquals(422, other.statusCode());
        assertEquals("https://rapport.dev/problems/idempotency-key-reused", other.path("type"));
        given().auth().oauth2(api.token()).get("/v1/contacts?q=second body").then().body("items", hasSize(0));
    }

    @Test
    void concurrentRetriesWithOneKeyCreateOneContact() {
        String key = UUID.randomUUID().toString();
        String body = "{\"displayName\":\"Concurrent Retry\"}";
        List<CompletableFuture<ExtractableResponse<Response>>> calls = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> post(key, body))).toList();
        List<ExtractableResponse<Response>> responses = calls.stream().map(CompletableFuture::join).toList();
        assertEquals(8, responses.stream().filter(r -> r.statusCode() == 201).count());
        assertEquals(1, responses.stream().map(r -> r.<String>path("id")).distinct().count());
        given().auth().oauth2(api.token()).get("/v1/contacts?q=concurrent retry").then().body("items", hasSize(1));
    }

    @Test
    void aRejectedRequestDoesNotUseUpItsKey() {
        String key = UUID.randomUUID().toString();
        assertEquals(422, post(key, "{\"displayName\":\"Bad\",\"country\":\"XX\"}").statusCode());
        assertEquals(201, post(key, "{\"displayName\":\"Fixed\",\"country\":\"FR\"}").statusCode());
    }

    @Test
    void keysAreScopedToTheWorkspace() {
        String key = UUID.randomUUID().toString();
        String body = "{\"displayName\":\"Scoped\"}";
        String mine = post(key, body).path("id");
        ContactsApi other = ContactsApi.member("idem-other-" + UUID.randomUUID());
        String theirs = given().auth().oauth2(other.token()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/v1/contacts").then().statusCode(201).extract().path("id");
        org.junit.jupiter.api.Assertions.assertNotEquals(mine, theirs);
        other.get(mine).statusCode(404);
        api.get(mine).statusCode(200).body("displayName", equalTo("Scoped"));
    }
}
