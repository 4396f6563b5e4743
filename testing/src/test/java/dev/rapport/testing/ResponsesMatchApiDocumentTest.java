package dev.rapport.testing;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResponsesMatchApiDocumentTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "paths": {"/v1/things/{id}": {"get": {"responses": {
              "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
              "404": {"content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}},
             "components": {"schemas": {
              "Thing": {"type": "object", "required": ["id", "note"], "properties": {
                "id": {"type": "string", "format": "uuid"}, "note": {"type": ["string", "null"]}}},
              "Problem": {"type": "object", "required": ["type", "title", "status"]}}}}""";

    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private HttpServer server;

    private record Answer(int status, String contentType, String body) {
    }

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        answers.put("/q/openapi", new Answer(200, "application/json", DOCUMENT));
        server.createContext("/", exchange -> {
            Answer answer = answers.get(exchange.getRequestURI().getPath());
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aBodyAsDocumentedPasses() {
        answers.put("/v1/things/1", new Answer(200, "application/json",
                "{\"id\": \"0190f3c2-7b1e-7cc4-9f6a-3f1f2b9d1e11\", \"note\": null}"));
        assertDoesNotThrow(() -> call("/v1/things/1"));
    }

    @Test
    void aMissingPropertyANullWhereNoneIsAllowedOrABadFormatFails() {
        for (String body : new String[]{"{\"id\": \"0190f3c2-7b1e-7cc4-9f6a-3f1f2b9d1e11\"}",
                "{\"id\": null, \"note\": \"x\"}", "{\"id\": \"not-a-uuid\", \"note\": \"x\"}"}) {
            answers.put("/v1/things/1", new Answer(200, "application/json", body));
            AssertionError error = assertThrows(AssertionError.class, () -> call("/v1/things/1"), body);
            assertTrue(error.getMessage().contains("does not allow"), error.getMessage());
        }
    }

    @Test
    void aSuccessTheDocumentDoesNotListFails() {
        answers.put("/v1/things/1", new Answer(201, "application/json", "{}"));
        assertThrows(AssertionError.class, () -> call("/v1/things/1"));
    }

    @Test
    void aProblemIsCheckedAgainstTheProblemSchema() {
        answers.put("/v1/things/1", new Answer(404, "application/problem+json", "{\"title\": \"Not Found\", \"status\": 404}"));
        assertThrows(AssertionError.class, () -> call("/v1/things/1"), "no type");
    }

    private void call(String path) {
        given().filter(new ResponsesMatchApiDocument()).get("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }
}
