package dev.rapport.kit.idempotency;

import dev.rapport.kit.KitTestResource;
import dev.rapport.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** {@code Idempotency-Key} on a POST: one effect per key, the same answer for a retry, a 422 for another body. */
@QuarkusTest
@WithTestResource(KitTestResource.class)
class IdempotentPostTest {

    @Test
    void aRetryWithTheSameKeyAndBodyGetsTheSameResponseAndNoSecondEffect() {
        String workspace = "idem-retry";
        Response first = post(workspace, "key-1", "{\"body\":\"once\"}");
        Response retry = post(workspace, "key-1", "{\"body\":\"once\"}");

        assertEquals(201, first.statusCode());
        assertNull(first.header(IdempotentPost.REPLAYED_HEADER));
        assertEquals(201, retry.statusCode());
        assertEquals("true", retry.header(IdempotentPost.REPLAYED_HEADER));
        assertEquals(first.jsonPath().getString("id"), retry.jsonPath().getString("id"));
        assertEquals(List.of("once"), notes(workspace));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String workspace = "idem-other-body";
        post(workspace, "key-1", "{\"body\":\"first\"}").then().statusCode(201);
        post(workspace, "key-1", "{\"body\":\"second\"}").then().statusCode(422)
                .contentType("application/problem+json");
        assertEquals(List.of("first"), notes(workspace));
    }

    @Test
    void requestsWithOneKeyAtOnceHaveOneEffect() throws Exception {
        String workspace = "idem-concurrent";
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> responses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return post(workspace, "key-1", "{\"body\":\"racing\"}");
                }));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            for (Future<Response> response : responses) {
                Response done = response.get(60, TimeUnit.SECONDS);
                assertEquals(201, done.statusCode(), done.asString());
                ids.add(done.jsonPath().getString("id"));
            }
            assertEquals(1, ids.size(), "every request got the one note: " + ids);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of("racing"), notes(workspace));
    }

    @Test
    void aKeyBelongsToItsWorkspace() {
        Response inOne = post("idem-workspace-one", "shared-key", "{\"body\":\"same\"}");
        Response inOther = post("idem-workspace-two", "shared-key", "{\"body\":\"same\"}");

        assertNull(inOther.header(IdempotentPost.REPLAYED_HEADER), "no replay of another workspace's response");
        assertEquals(List.of("same"), notes("idem-workspace-one"));
        assertEquals(List.of("same"), notes("idem-workspace-two"));
        assertEquals(false, inOne.jsonPath().getString("id").equals(inOther.jsonPath().getString("id")));
    }

    private static Response post(String workspace, String key, String body) {
        return given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON)
                .header(IdempotentPost.HEADER, key).body(body)
                .post("/test/notes");
    }

    private static List<String> notes(String workspace) {
        return given().auth().oauth2(TestTokens.member(workspace)).get("/test/notes")
                .then().statusCode(200).extract().jsonPath().getList(".", String.class);
    }
}
