package dev.rapport.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * CloudNativePG (and its Barman Cloud plugin) publish no schema to a package registry, so every field these
 * manifests rely on is listed here with the shape the operator's API reference gives it (CloudNativePG 1.27 API,
 * postgresql.cnpg.io/v1; plugin-barman-cloud 0.7, barmancloud.cnpg.io/v1). A field outside this list fails: add it
 * only after reading its reference.
 */
class CloudNativePgFieldsTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    private static final Predicate<JsonNode> TEXT = JsonNode::isTextual;
    private static final Predicate<JsonNode> BOOLEAN = JsonNode::isBoolean;
    private static final Predicate<JsonNode> QUANTITY = n -> n.isTextual() && n.asText().matches("\\d+(\\.\\d+)?(m|Ki|Mi|Gi|Ti)?")
            || n.isInt();
    private static final Predicate<JsonNode> DNS_NAME = n -> n.isTextual() && n.asText().matches("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");

    /** JSON path (array indexes as [], map keys as *) → what its value must be. */
    private static final Map<String, Map<String, Predicate<JsonNode>>> FIELDS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", fields(
                    "spec.instances", (Predicate<JsonNode>) n -> n.isInt() && n.asInt() >= 1,
                    "spec.imageName", TEXT,
                    "spec.primaryUpdateStrategy", oneOf("unsupervised", "supervised"),
                    "spec.bootstrap.initdb.database", DNS_NAME,
                    "spec.bootstrap.initdb.owner", DNS_NAME,
                    "spec.bootstrap.initdb.postInitApplicationSQL[]", TEXT,
                    "spec.storage.size", QUANTITY,
                    // PostgreSQL parameters are strings to the operator, numbers included.
                    "spec.postgresql.parameters.*", TEXT,
                    "spec.resources.requests.cpu", QUANTITY,
                    "spec.resources.requests.memory", QUANTITY,
                    "spec.resources.limits.memory", QUANTITY,
                    "spec.affinity.enablePodAntiAffinity", BOOLEAN,
                    "spec.affinity.topologyKey", TEXT,
                    "spec.affinity.podAntiAffinityType", oneOf("preferred", "required"),
                    "spec.plugins[].name", TEXT,
                    "spec.plugins[].isWALArchiver", BOOLEAN,
                    "spec.plugins[].parameters.barmanObjectName", DNS_NAME),
            "postgresql.cnpg.io/v1/ScheduledBackup", fields(
                    // Six fields: CloudNativePG's cron starts with seconds.
                    "spec.schedule", (Predicate<JsonNode>) n -> n.isTextual() && n.asText().trim().split("\\s+").length == 6,
                    "spec.backupOwnerReference", oneOf("none", "self", "cluster"),
                    "spec.method", oneOf("barmanObjectStore", "volumeSnapshot", "plugin"),
                    "spec.pluginConfiguration.name", TEXT,
                    "spec.immediate", BOOLEAN,
                    "spec.cluster.name", DNS_NAME),
            "barmancloud.cnpg.io/v1/ObjectStore", fields(
                    "spec.retentionPolicy", (Predicate<JsonNode>) n -> n.isTextual() && n.asText().matches("[1-9][0-9]*[dwm]"),
                    "spec.configuration.destinationPath", (Predicate<JsonNode>) n -> n.isTextual() && n.asText().matches("(s3|gs|https?)://.+"),
                    "spec.configuration.endpointURL", (Predicate<JsonNode>) n -> n.isTextual() && n.asText().matches("https?://.+"),
                    "spec.configuration.s3Credentials.accessKeyId.name", DNS_NAME,
                    "spec.configuration.s3Credentials.accessKeyId.key", TEXT,
                    "spec.configuration.s3Credentials.secretAccessKey.name", DNS_NAME,
                    "spec.configuration.s3Credentials.secretAccessKey.key", TEXT,
                    "spec.configuration.wal.compression", oneOf("gzip", "bzip2", "snappy", "lz4", "xz", "zstd"),
                    "spec.configuration.data.compression", oneOf("gzip", "bzip2", "snappy")));

    private static final Pattern METADATA = Pattern.compile("metadata\\.(name|namespace|labels\\.\\*|annotations\\.\\*)");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyFieldIsOneTheOperatorsReferenceDefines(String overlay) {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (JsonNode object : Manifests.render(overlay)) {
            Map<String, Predicate<JsonNode>> allowed = FIELDS.get(Manifests.kindOf(object));
            if (allowed == null) {
                continue;
            }
            checked++;
            problems.addAll(check(object, allowed));
        }
        assertEquals(List.of(), problems);
        assertFalse(checked == 0, "the overlay renders CloudNativePG objects");
    }

    @Test
    void aFieldTheReferenceDoesNotDefineOrAValueOfTheWrongShapeIsCaught() throws Exception {
        JsonNode cluster = Manifests.parse("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: x-db}
                spec:
                  instance: 3
                  storage: {size: 10 GB}
                  postgresql: {parameters: {max_connections: 200}}
                """).get(0);
        assertEquals(List.of(
                        "postgresql.cnpg.io/v1/Cluster x-db: spec.instance is not a field these checks know",
                        "postgresql.cnpg.io/v1/Cluster x-db: spec.storage.size has the wrong shape: \"10 GB\"",
                        "postgresql.cnpg.io/v1/Cluster x-db: spec.postgresql.parameters.* has the wrong shape: 200"),
                check(cluster, FIELDS.get("postgresql.cnpg.io/v1/Cluster")));
    }

    private static List<String> check(JsonNode object, Map<String, Predicate<JsonNode>> allowed) {
        List<String> problems = new ArrayList<>();
        List<Map.Entry<String, JsonNode>> leaves = new ArrayList<>();
        leaves(object, "", leaves);
        leaves.forEach(leaf -> {
            String path = leaf.getKey();
            JsonNode value = leaf.getValue();
            if (path.equals("apiVersion") || path.equals("kind") || METADATA.matcher(path).matches()) {
                return;
            }
            Predicate<JsonNode> shape = allowed.get(path);
            if (shape == null) {
                problems.add(Manifests.describe(object) + ": " + path + " is not a field these checks know");
            } else if (!shape.test(value)) {
                problems.add(Manifests.describe(object) + ": " + path + " has the wrong shape: " + value);
            }
        });
        return problems;
    }

    /** Every leaf value with its path; map keys under parameters, labels and annotations become *. */
    private static void leaves(JsonNode node, String path, List<Map.Entry<String, JsonNode>> into) {
        if (node.isObject()) {
            boolean freeKeys = path.endsWith("postgresql.parameters") || path.endsWith(".labels") || path.endsWith(".annotations");
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var field = it.next();
                String key = freeKeys ? "*" : field.getKey();
                leaves(field.getValue(), path.isEmpty() ? key : path + "." + key, into);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                leaves(element, path + "[]", into);
            }
        } else {
            into.add(Map.entry(path, node));
        }
    }

    private static Predicate<JsonNode> oneOf(String... values) {
        List<String> allowed = List.of(values);
        return n -> n.isTextual() && allowed.contains(n.asText());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Predicate<JsonNode>> fields(Object... pathsAndShapes) {
        Map<String, Predicate<JsonNode>> fields = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndShapes.length; i += 2) {
            fields.put((String) pathsAndShapes[i], (Predicate<JsonNode>) pathsAndShapes[i + 1]);
        }
        return fields;
    }
}
