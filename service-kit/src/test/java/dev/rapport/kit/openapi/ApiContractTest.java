package dev.rapport.kit.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiContractTest {

    @Test
    void aSecuredIdempotentCreateGetsProblemsTheSharedErrorsAndItsHeaders() {
        Operation create = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER))
                .addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("SecurityScheme", List.of("member")))
                .responses(OASFactory.createAPIResponses()
                        .addAPIResponse("201", OASFactory.createAPIResponse().description("Created"))
                        .addAPIResponse("422", OASFactory.createAPIResponse().description("Invalid")));
        OpenAPI api = document("/v1/things", create);

        new ApiContract().filterOpenAPI(api);

        APIResponse created = create.getResponses().getAPIResponse("201");
        assertEquals(Set.of("Location", "Idempotent-Replayed"), created.getHeaders().keySet());
        for (String status : List.of("401", "403", "422", "429", "503")) {
            APIResponse error = create.getResponses().getAPIResponse(status);
            assertEquals("#/components/schemas/Problem",
                    error.getContent().getMediaType("application/problem+json").getSchema().getRef(), status);
        }
        assertTrue(create.getResponses().getAPIResponse("401").getHeaders().containsKey("WWW-Authenticate"));
        assertTrue(create.getResponses().getAPIResponse("503").getHeaders().containsKey("Retry-After"));
        assertEquals(Set.of("Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"),
                create.getResponses().getAPIResponse("429").getHeaders().keySet());
        assertEquals(Set.of("Location", "Idempotent-Replayed", "WWW-Authenticate", "Retry-After", "RateLimit-Limit",
                        "RateLimit-Remaining", "RateLimit-Reset"),
                api.getComponents().getHeaders().keySet(), "only the headers some response sends");
        assertTrue(api.getComponents().getSchemas().containsKey("Problem"));
        assertEquals("/", api.getServers().get(0).getUrl());
    }

    @Test
    void anOperationWithoutATokenSaysSoAndGetsNo401() {
        Operation feed = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("cursor").in(Parameter.In.QUERY))
                .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse().description("A page")
                        .content(OASFactory.createContent().addMediaType("application/json", OASFactory.createMediaType()
                                .schema(OASFactory.createSchema().ref("#/components/schemas/Page"))))));
        OpenAPI api = document("/feed", feed);
        api.components(OASFactory.createComponents().addSchema("Page", OASFactory.createSchema()
                .addProperty("items", OASFactory.createSchema()).addProperty("nextCursor", OASFactory.createSchema())));

        new ApiContract().filterOpenAPI(api);

        assertEquals(List.of(), feed.getSecurity());
        assertNull(feed.getResponses().getAPIResponse("401"));
        assertNull(feed.getResponses().getAPIResponse("429"), "requests without a token are not rate limited");
        assertTrue(feed.getResponses().getAPIResponse("200").getHeaders().containsKey("Link"), "a page links its next");
    }

    @Test
    void resteasyProblemsOwnSchemasGiveWayToOurs() {
        OpenAPI api = document("/x", OASFactory.createOperation().responses(OASFactory.createAPIResponses()));
        api.components(OASFactory.createComponents()
                .addSchema("HttpProblem", OASFactory.createSchema())
                .addSchema("HttpValidationProblem", OASFactory.createSchema()));

        new ApiContract().filterOpenAPI(api);

        assertEquals(Set.of("Problem", "Violation"), api.getComponents().getSchemas().keySet());
    }

    @Test
    void aMergePatchBodyGetsItsOwnSchemaWhereOnlyWhatCreatingDoesNotRequireMayBeNull() {
        Operation patch = OASFactory.createOperation().requestBody(OASFactory.createRequestBody().content(
                OASFactory.createContent().addMediaType("application/merge-patch+json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/ThingInput")))))
                .responses(OASFactory.createAPIResponses());
        OpenAPI api = document("/v1/things/{id}", patch);
        api.components(OASFactory.createComponents().addSchema("ThingInput", OASFactory.createSchema()
                .addProperty("name", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("note", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .defaultValue("none"))
                .addProperty("source", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .addExtension(SchemaShapes.CREATE_ONLY, "true"))
                .required(List.of("name"))));

        new ApiContract().filterOpenAPI(api);

        var thingPatch = api.getComponents().getSchemas().get("ThingPatch");
        assertEquals("#/components/schemas/ThingPatch",
                patch.getRequestBody().getContent().getMediaType("application/merge-patch+json").getSchema().getRef());
        assertNull(thingPatch.getRequired(), "nothing is required in a patch");
        assertEquals(List.of(Schema.SchemaType.STRING),
                thingPatch.getProperties().get("name").getType(), "what creating requires cannot be removed");
        assertTrue(thingPatch.getProperties().get("note").getType()
                .contains(Schema.SchemaType.NULL));
        assertNull(thingPatch.getProperties().get("note").getDefaultValue());
        assertFalse(thingPatch.getProperties().containsKey("source"), "set when creating only");
        assertEquals(List.of("name"), api.getComponents().getSchemas().get("ThingInput").getRequired(), "the input is left as it was");
    }

    private static OpenAPI document(String path, Operation operation) {
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem(path, OASFactory.createPathItem().POST(operation)));
    }
}
