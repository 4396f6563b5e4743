package dev.rapport.kit.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What every Rapport operation answers beyond what its own annotations say, written into each service's API document
 * so generated clients see the truth: every error is one {@code Problem} (RFC 9457) schema; every operation may answer
 * 503 with {@code Retry-After} (its database unavailable), every secured one 401, 403 and 429 (rate limits, with
 * {@code Retry-After} and {@code RateLimit-*}); a 201, 202 or redirect carries
 * {@code Location}; a JSON page (with {@code nextCursor}) its next page as {@code Link}; an operation taking {@code Idempotency-Key} may answer a replay marked {@code Idempotent-Replayed};
 * an operation without a token says so ({@code security: []}); the server is the origin serving the document. Schemas
 * are shaped as sent and as read ({@link SchemaShapes}).
 * Resource methods refer to the shared headers by name ({@link ApiHeaders}).
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ApiContract implements OASFilter {

    static final String PROBLEM_JSON = "application/problem+json";
    /** The security scheme Quarkus declares for the bearer token. */
    public static final String TOKEN_SCHEME = "SecurityScheme";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String HEADERS = "#/components/headers/";
    private static final String PROBLEM = "Problem";
    private static final String VIOLATION = "Violation";
    /** resteasy-problem's own schemas, which describe its defaults (optional type, example.com URIs), not ours. */
    private static final List<String> REPLACED = List.of("HttpProblem", "HttpValidationProblem");
    /** The descriptions Quarkus gives the 401 and 403 it adds to secured operations. */
    private static final List<String> QUARKUS_DEFAULTS = List.of("Not Authorized", "Not Allowed");

    private Map<String, Schema> schemas;

    @Override
    public void filterOpenAPI(OpenAPI api) {
        Components components = api.getComponents() == null ? OASFactory.createComponents() : api.getComponents();
        api.setComponents(components);
        Map<String, Schema> schemas = new TreeMap<>(components.getSchemas() == null ? Map.of() : components.getSchemas());
        REPLACED.forEach(schemas::remove);
        this.schemas = schemas;
        schemas.put(PROBLEM, problem());
        schemas.put(VIOLATION, violation());
        List<Operation> operations = api.getPaths() == null || api.getPaths().getPathItems() == null ? List.of()
                : api.getPaths().getPathItems().values().stream().flatMap(item -> item.getOperations().values().stream()).toList();
        operations.forEach(this::complete);
        SchemaShapes.apply(schemas, operations);
        components.setSchemas(schemas);
        components.setHeaders(usedHeaders(operations));
        api.setServers(new ArrayList<>(List.of(OASFactory.createServer().url("/")
                .description("The origin that serves this document"))));
    }

    private void complete(Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (!secured) {
            operation.setSecurity(new ArrayList<>());
        } else {
            ensure(responses, "401", "No token, or one that is expired, not signed by the configured issuer or without a workspace",
                    ApiHeaders.WWW_AUTHENTICATE);
            ensure(responses, "403", "Your role may not do this");
            ensure(responses, "429", "Over your token's or your workspace's rate limit; retry after Retry-After seconds",
                    ApiHeaders.RETRY_AFTER, ApiHeaders.RATE_LIMIT_LIMIT, ApiHeaders.RATE_LIMIT_REMAINING,
                    ApiHeaders.RATE_LIMIT_RESET);
        }
        ensure(responses, "503", "A database this call needs is unavailable; retry after Retry-After seconds",
                ApiHeaders.RETRY_AFTER);
        boolean idempotent = takes(operation, Parameter.In.HEADER, "Idempotency-Key");
        boolean paged = takes(operation, Parameter.In.QUERY, "cursor");
        Map<String, APIResponse> byStatus = responses.getAPIResponses() == null ? Map.of() : responses.getAPIResponses();
        Map<String, APIResponse> sorted = new TreeMap<>(byStatus);
        sorted.forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                response.setContent(problemContent());
            }
            if (List.of("201", "202", "301", "302", "303", "307", "308").contains(status)) {
                header(response, ApiHeaders.LOCATION);
            }
            if (idempotent && status.startsWith("2")) {
                header(response, ApiHeaders.IDEMPOTENT_REPLAYED);
            }
            if (paged && status.equals("200") && isPage(response)) {
                header(response, ApiHeaders.LINK);
            }
        });
        responses.setAPIResponses(new LinkedHashMap<>(sorted));
    }

    /** The shared headers some response refers to: a document declares no header it never sends. */
    private static Map<String, Header> usedHeaders(List<Operation> operations) {
        Map<String, Header> known = ApiHeaders.all();
        Map<String, Header> used = new TreeMap<>();
        operations.stream().flatMap(operation -> operation.getResponses().getAPIResponses().values().stream())
                .filter(response -> response.getHeaders() != null)
                .flatMap(response -> response.getHeaders().values().stream())
                .map(Header::getRef).filter(ref -> ref != null && ref.startsWith(HEADERS))
                .map(ref -> ref.substring(HEADERS.length()))
                .filter(known::containsKey)
                .forEach(name -> used.put(name, known.get(name)));
        return used;
    }

    /** A JSON page (its schema has {@code nextCursor}), not a file download that happens to take the list filters. */
    private boolean isPage(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaType("application/json") == null) {
            return false;
        }
        Schema schema = response.getContent().getMediaType("application/json").getSchema();
        String ref = schema == null ? null : schema.getRef();
        Schema page = ref == null || schemas == null ? schema : schemas.get(ref.substring(SCHEMAS.length()));
        return page != null && page.getProperties() != null && page.getProperties().containsKey("nextCursor");
    }

    private static boolean takes(Operation operation, Parameter.In in, String name) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == in && name.equalsIgnoreCase(p.getName()));
    }

    private static void ensure(APIResponses responses, String status, String description, String... headers) {
        APIResponse response = responses.getAPIResponse(status);
        if (response == null) {
            response = OASFactory.createAPIResponse();
            responses.addAPIResponse(status, response);
        }
        // Quarkus' automatic security responses say only "Not Authorized" / "Not Allowed".
        if (response.getDescription() == null || QUARKUS_DEFAULTS.contains(response.getDescription())) {
            response.setDescription(description);
        }
        for (String header : headers) {
            header(response, header);
        }
    }

    private static void header(APIResponse response, String name) {
        Map<String, Header> headers = new TreeMap<>(response.getHeaders() == null ? Map.of() : response.getHeaders());
        headers.put(name, OASFactory.createHeader().ref(HEADERS + name));
        response.setHeaders(headers);
    }

    private static Content problemContent() {
        return OASFactory.createContent().addMediaType(PROBLEM_JSON,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(SCHEMAS + PROBLEM)));
    }

    private static Schema problem() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem: every error Rapport answers. `type` names the kind of problem "
                        + "(https://rapport.dev/problems/<kind>); clients branch on it, not on `title` or `detail`.")
                .addProperty("type", string("uri", "Which kind of problem, e.g. https://rapport.dev/problems/validation"))
                .addProperty("title", string(null, "The kind of problem, for people"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .description("The HTTP status"))
                .addProperty("detail", string(null, "What went wrong this time, for people"))
                .addProperty("instance", string(null, "The request path, when known"))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(SCHEMAS + VIOLATION))
                        .description("On a validation problem (422): every invalid field at once"))
                .addProperty("mergedInto", string("uuid", "On a 409 contact-merged problem: the contact it became part of"))
                .addProperty("mergeId", string("uuid", "On a 409 contact-merged problem: the merge that can be undone"))
                .required(List.of("type", "title", "status"))
                .additionalPropertiesBoolean(Boolean.TRUE);
    }

    private static Schema violation() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid part of a request")
                .addProperty("field", string(null, "The field, parameter or header, e.g. emails[1].address"))
                .addProperty("in", string(null, "Where in the request: body, query, path or header"))
                .addProperty("message", string(null, "What is wrong with it"))
                .required(List.of("field", "in", "message"));
    }

    private static Schema string(String format, String description) {
        Schema schema = OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
        return format == null ? schema : schema.format(format);
    }
}
