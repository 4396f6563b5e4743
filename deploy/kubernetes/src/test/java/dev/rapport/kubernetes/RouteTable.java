package dev.rapport.kubernetes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Gateway's HTTPRoute, written from the services' OpenAPI paths: a static path becomes an {@code Exact} match, a
 * templated one a {@code RegularExpression} whose parameters match one path segment. A path more than one service
 * serves (each service's backup, interactions' and reminders' contact summary) cannot have one owner behind one
 * origin: it is left out and listed, so a clash is a reviewed decision, never a silent pick.
 */
final class RouteTable {

    private static final Pattern PARAMETER = Pattern.compile("\\{[^}/]+}");

    private final Map<Services, List<String>> routed = new LinkedHashMap<>();
    private final TreeSet<String> unrouted = new TreeSet<>();

    RouteTable(Map<Services, List<String>> pathsByService) {
        pathsByService.forEach((service, paths) -> {
            List<String> own = new ArrayList<>();
            for (String path : new TreeSet<>(paths)) {
                boolean shared = pathsByService.entrySet().stream()
                        .anyMatch(other -> other.getKey() != service
                                && other.getValue().stream().anyMatch(theirs -> overlap(path, theirs)));
                if (shared) {
                    unrouted.add(path);
                } else {
                    own.add(path);
                }
            }
            routed.put(service, own);
        });
    }

    static RouteTable fromOpenApi() {
        Map<Services, List<String>> paths = new LinkedHashMap<>();
        for (Services service : Services.values()) {
            paths.put(service, service.apiPaths());
        }
        return new RouteTable(paths);
    }

    TreeSet<String> unrouted() {
        return unrouted;
    }

    /** The regular expression (RE2 and Java alike) a concrete request path of {@code template} matches in full. */
    static String regex(String template) {
        StringBuilder regex = new StringBuilder("^");
        Matcher parameter = PARAMETER.matcher(template);
        int end = 0;
        while (parameter.find()) {
            regex.append(quote(template.substring(end, parameter.start()))).append("[^/]+");
            end = parameter.end();
        }
        return regex.append(quote(template.substring(end))).append('$').toString();
    }

    /** Whether some request path would match both templates. */
    static boolean overlap(String a, String b) {
        String[] left = a.split("/", -1);
        String[] right = b.split("/", -1);
        if (left.length != right.length) {
            return false;
        }
        for (int i = 0; i < left.length; i++) {
            boolean leftLiteral = !PARAMETER.matcher(left[i]).find();
            boolean rightLiteral = !PARAMETER.matcher(right[i]).find();
            if (leftLiteral && rightLiteral && !left[i].equals(right[i])
                    || leftLiteral && !rightLiteral && !left[i].matches(regex(right[i]).replaceAll("^\\^|\\$$", ""))
                    || !leftLiteral && rightLiteral && !right[i].matches(regex(left[i]).replaceAll("^\\^|\\$$", ""))) {
                return false;
            }
        }
        return true;
    }

    String yaml() {
        StringBuilder out = new StringBuilder("""
                # GENERATED from the services' OpenAPI documents by deploy/kubernetes (RouteTable); do not edit. RoutesTest
                # fails when a service's paths change; it writes the new file to deploy/kubernetes/target/routes.yaml.
                """);
        if (!unrouted.isEmpty()) {
            out.append("# Paths served by more than one service, so not routed through the one origin:\n");
            unrouted.forEach(path -> out.append("#   ").append(path).append('\n'));
        }
        out.append("# Each rule allows a request 300 s: exports and imports stream for minutes on big workspaces.\n");
        out.append("""
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata:
                  name: rapport-api
                spec:
                  parentRefs:
                    - name: rapport
                  rules:
                """);
        routed.forEach((service, paths) -> {
            out.append("    - backendRefs:\n");
            out.append("        - name: ").append(service.module).append('\n');
            out.append("          port: ").append(service.httpPort()).append('\n');
            // Exports and imports stream for minutes on big workspaces; proxies' defaults (Envoy: 15 s) would cut them.
            out.append("      timeouts:\n        request: 300s\n");
            out.append("      matches:\n");
            for (String path : paths) {
                boolean templated = PARAMETER.matcher(path).find();
                out.append("        - path:\n");
                out.append("            type: ").append(templated ? "RegularExpression" : "Exact").append('\n');
                out.append("            value: ").append(templated ? "'" + regex(path) + "'" : path).append('\n');
            }
        });
        return out.toString();
    }

    private static String quote(String literal) {
        return literal.replaceAll("([.\\\\+*?\\[^\\]$(){}|])", "\\\\$1");
    }
}
