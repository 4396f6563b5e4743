package dev.rapport.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One origin for front ends: every API path of every service reaches that service through the Gateway. */
class RoutesTest {

    private static final Path COMMITTED = Manifests.KUBERNETES.resolve("base/routes.yaml");

    @Test
    void theCommittedRouteIsTheOneTheServicesPathsGive() throws IOException {
        String generated = RouteTable.fromOpenApi().yaml();
        if (!generated.equals(Files.readString(COMMITTED))) {
            Path fresh = Manifests.KUBERNETES.resolve("target/routes.yaml");
            Files.createDirectories(fresh.getParent());
            Files.writeString(fresh, generated);
            throw new AssertionError("A service's API paths changed: review " + fresh + " and copy it to " + COMMITTED);
        }
    }

    @Test
    void everyRoutedPathReachesItsOwnServiceAndNoOther() {
        RouteTable table = RouteTable.fromOpenApi();
        for (String overlay : Manifests.OVERLAYS) {
            List<JsonNode> objects = Manifests.render(overlay);
            JsonNode route = Manifests.named(objects, "HTTPRoute", "rapport-api");
            List<String> wrong = new ArrayList<>();
            for (Services service : Services.values()) {
                JsonNode kubeService = Manifests.named(objects, "Service", service.module);
                int servicePort = kubeService.at("/spec/ports/0/port").asInt();
                for (String path : service.apiPaths()) {
                    String request = example(path);
                    Set<String> backends = backendsFor(route, request);
                    Set<String> expected = table.unrouted().contains(path)
                            ? Set.of() : Set.of(service.module + ":" + servicePort);
                    if (!backends.equals(expected)) {
                        wrong.add(overlay + ": " + request + " (" + service.module + " " + path + ") goes to " + backends);
                    }
                }
            }
            assertEquals(List.of(), wrong);
            for (String internal : List.of("/q/metrics", "/q/health/ready", "/q/openapi", "/")) {
                assertEquals(Set.of(), backendsFor(route, internal), internal + " stays inside the cluster");
            }
        }
    }

    @Test
    void noTwoServicesServeTheSamePathSoOneOriginServesTheWholeApi() {
        assertEquals(Set.of(), RouteTable.fromOpenApi().unrouted());
    }

    @Test
    void aPathTwoServicesServeIsLeftOutAndListed() {
        RouteTable table = new RouteTable(Map.of(
                Services.CONTACTS, List.of("/v1/contacts/{id}", "/v1/shared"),
                Services.REMINDERS, List.of("/v1/contacts/{contactId}/reminders", "/v1/shared", "/ical/{token}.ics")));
        assertEquals(new TreeSet<>(Set.of("/v1/shared")), table.unrouted());
        assertTrue(RouteTable.overlap("/v1/contacts/{id}", "/v1/contacts/export"));
        assertFalse(RouteTable.overlap("/v1/contacts/{id}", "/v1/contacts/{id}/history"));
        assertFalse(RouteTable.overlap("/ical/{token}.ics", "/ical/feed.json"));
        assertTrue("/ical/AbC_9-x.ics".matches(RouteTable.regex("/ical/{token}.ics")));
        assertFalse("/ical/a/b.ics".matches(RouteTable.regex("/ical/{token}.ics")));
    }

    /** A request path for an OpenAPI path template: each parameter becomes a plausible id. */
    private static String example(String template) {
        return template.replaceAll("\\{[^}/]+}", "0190a6f2-5f2c-7d4e-9a51-3c1f0e2b8d47");
    }

    /** Gateway API matching of one request path against the route: every rule with a match that accepts it. */
    private static Set<String> backendsFor(JsonNode route, String path) {
        Set<String> backends = new TreeSet<>();
        for (JsonNode rule : route.at("/spec/rules")) {
            for (JsonNode match : rule.path("matches")) {
                String type = match.at("/path/type").asText("PathPrefix");
                String value = match.at("/path/value").asText("/");
                boolean accepts = switch (type) {
                    case "Exact" -> path.equals(value);
                    case "PathPrefix" -> path.equals(value) || path.startsWith(value.endsWith("/") ? value : value + "/");
                    case "RegularExpression" -> path.matches(value);
                    default -> throw new AssertionError("unknown path match type " + type);
                };
                if (accepts) {
                    rule.path("backendRefs").forEach(ref ->
                            backends.add(ref.path("name").asText() + ":" + ref.path("port").asInt()));
                }
            }
        }
        return backends;
    }
}
