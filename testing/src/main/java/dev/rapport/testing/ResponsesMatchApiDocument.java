package dev.rapport.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks every JSON answer a {@code @QuarkusTest} receives through RestAssured against the API document the service
 * serves: a success (2xx) must be a documented status of a documented operation, and any answer whose status and media
 * type the document describes must match that schema (required properties present, types, nullability, enums and
 * formats as declared). So every service test also proves that generated clients may trust the document. Installed
 * for the whole test JVM by {@link RapportInfraTestResource}.
 *
 * <p>Not checked (yet): error statuses the document does not list (tests send much odd input on purpose), headers,
 * and properties beyond the schema's.
 */
public final class ResponsesMatchApiDocument implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig ASSERT_FORMATS = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static volatile boolean installed;

    private volatile Document document;

    ResponsesMatchApiDocument() {
    }

    static synchronized void install() {
        if (!installed) {
            RestAssured.filters(new ResponsesMatchApiDocument());
            installed = true;
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        String contentType = response.getContentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("json") || !uri.getPath().startsWith("/v1/")) {
            return response;
        }
        Document api = document(uri);
        int status = response.getStatusCode();
        if (status / 100 == 2 && !api.documents(request.getMethod(), uri.getPath(), status)) {
            throw new AssertionError(request.getMethod() + " " + uri.getPath() + " answered " + status
                    + ", which its API document does not list");
        }
        api.schemaOf(request.getMethod(), uri.getPath(), status, contentType).ifPresent(schema -> {
            String body = response.asString();
            Set<ValidationMessage> errors;
            try {
                errors = SCHEMAS.getSchema(schema, ASSERT_FORMATS).validate(JSON.readTree(body));
            } catch (IOException e) {
                throw new AssertionError(request.getMethod() + " " + uri.getPath() + " answered " + response.getStatusCode()
                        + " with a body that is not JSON: " + body, e);
            }
            if (!errors.isEmpty()) {
                throw new AssertionError(request.getMethod() + " " + uri.getPath() + " answered " + response.getStatusCode()
                        + " with a body its API document does not allow: " + errors + "\nbody: " + body);
            }
        });
        return response;
    }

    private Document document(URI request) {
        Document known = document;
        if (known == null) {
            synchronized (this) {
                if (document == null) {
                    document = Document.load(request.resolve("/q/openapi?format=json"));
                }
                known = document;
            }
        }
        return known;
    }

    /** The served document: its operations by method and path template, and its components for $refs. */
    private record Document(JsonNode root, List<Route> routes) {

        static Document load(URI location) {
            try {
                HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(location).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (served.statusCode() != 200) {
                    throw new IllegalStateException(location + " answered " + served.statusCode());
                }
                JsonNode root = JSON.readTree(served.body());
                if (!root.path("paths").isObject() || root.path("paths").isEmpty()) {
                    throw new IllegalStateException("The API document at " + location + " has no paths");
                }
                List<Route> routes = new ArrayList<>();
                for (Iterator<Map.Entry<String, JsonNode>> paths = root.path("paths").fields(); paths.hasNext(); ) {
                    Map.Entry<String, JsonNode> path = paths.next();
                    routes.add(new Route(path.getKey(), Pattern.compile("^" + path.getKey().replaceAll("\\{[^}]+}", "[^/]+") + "$"),
                            path.getValue()));
                }
                // A literal segment wins over a template: /v1/interactions/stats is not /v1/interactions/{id}.
                routes.sort(Comparator.comparingLong(route -> route.template().chars().filter(c -> c == '{').count()));
                return new Document(root, routes);
            } catch (IOException e) {
                throw new IllegalStateException("Could not read the API document at " + location, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        boolean documents(String method, String path, int status) {
            return operation(method, path).map(operation -> operation.path("responses").has(Integer.toString(status)))
                    .orElse(false);
        }

        private Optional<JsonNode> operation(String method, String path) {
            return routes.stream().filter(route -> route.pattern().matcher(path).matches()).findFirst()
                    .map(route -> route.operations().path(method.toLowerCase(Locale.ROOT)))
                    .filter(operation -> !operation.isMissingNode());
        }

        /** The schema the document gives this answer, with the document's components beside it for its $refs. */
        Optional<JsonNode> schemaOf(String method, String path, int status, String contentType) {
            String mediaType = contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
            return operation(method, path)
                    .map(operation -> operation.path("responses").path(Integer.toString(status)).path("content")
                            .path(mediaType).path("schema"))
                    .filter(schema -> !schema.isMissingNode())
                    .map(schema -> {
                        ObjectNode withComponents = ((ObjectNode) schema.deepCopy());
                        withComponents.set("components", root.path("components"));
                        return withComponents;
                    });
        }
    }

    private record Route(String template, Pattern pattern, JsonNode operations) {
    }
}
