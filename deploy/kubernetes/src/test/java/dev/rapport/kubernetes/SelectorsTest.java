package dev.rapport.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Label selectors and images that would not fail to apply, only to work: a NetworkPolicy whose selector matches no
 * pod, a Kafka port no listener has, an overlay that leaves an image unset.
 */
class SelectorsTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyPodSelectorOfANetworkPolicyMatchesPodsThatWillExist(String overlay) {
        List<JsonNode> objects = Manifests.render(overlay);
        List<Map<String, String>> pods = podLabels(objects);
        List<String> unmatched = new ArrayList<>();
        for (JsonNode policy : Manifests.ofKind(objects, "NetworkPolicy")) {
            check(policy.at("/spec/podSelector"), pods, Manifests.nameOf(policy) + " spec", unmatched);
            for (String direction : List.of("ingress", "egress")) {
                for (JsonNode rule : policy.at("/spec/" + direction)) {
                    for (JsonNode peer : rule.path(direction.equals("ingress") ? "from" : "to")) {
                        // A peer in another namespace (the Gateway's, kube-system's DNS) is outside these manifests.
                        if (peer.has("podSelector") && !peer.has("namespaceSelector")) {
                            check(peer.get("podSelector"), pods, Manifests.nameOf(policy) + " " + direction + " peer", unmatched);
                        }
                    }
                }
            }
        }
        JsonNode kafka = Manifests.named(objects, "Kafka", "rapport");
        for (JsonNode peer : kafka.at("/spec/kafka/listeners/0/networkPolicyPeers")) {
            check(peer.get("podSelector"), pods, "Kafka listener peer", unmatched);
        }
        assertEquals(List.of(), unmatched);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void servicesReachKafkaOnItsListenerPort(String overlay) {
        List<JsonNode> objects = Manifests.render(overlay);
        int listener = Manifests.named(objects, "Kafka", "rapport").at("/spec/kafka/listeners/0/port").asInt();
        for (Services service : Services.values()) {
            JsonNode egress = Manifests.named(objects, "NetworkPolicy", service.module + "-egress");
            boolean kafkaRule = false;
            for (JsonNode rule : egress.at("/spec/egress")) {
                if (rule.at("/to/0/podSelector/matchLabels").has("strimzi.io/cluster")) {
                    kafkaRule = true;
                    assertEquals(listener, rule.at("/ports/0/port").asInt(), service.module + " egress to Kafka");
                }
            }
            assertTrue(kafkaRule, service.module + " may reach Kafka");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyOverlayNamesARegistryAndATagForEveryImage(String overlay) {
        for (JsonNode deployment : Manifests.ofKind(Manifests.render(overlay), "Deployment")) {
            String image = deployment.at("/spec/template/spec/containers/0/image").asText();
            assertTrue(image.matches("[a-z0-9.-]+(:\\d+)?/[a-z0-9./_-]+:[A-Za-z0-9_.-]+"),
                    overlay + " sets a registry and a tag: " + image);
            assertFalse(image.startsWith("rapport/"), overlay + " replaces the placeholder: " + image);
            if (overlay.equals("prod")) {
                assertFalse(image.endsWith("-SNAPSHOT") || image.endsWith(":latest"), "prod runs a release: " + image);
            }
        }
    }

    @Test
    void aSelectorNoPodCarriesIsReported() {
        List<String> unmatched = new ArrayList<>();
        List<Map<String, String>> pods = List.of(Map.of("strimzi.io/cluster", "rapport", "strimzi.io/broker-role", "true"));
        check(Manifests.YAML.valueToTree(Map.of("matchLabels", Map.of("strimzi.io/broker-roles", "true"))), pods, "typo", unmatched);
        check(Manifests.YAML.valueToTree(Map.of("matchLabels", Map.of("strimzi.io/cluster", "rapport"))), pods, "fine", unmatched);
        assertEquals(List.of("typo selects no pod: {\"matchLabels\":{\"strimzi.io/broker-roles\":\"true\"}}"), unmatched);
    }

    private static void check(JsonNode selector, List<Map<String, String>> pods, String where, List<String> unmatched) {
        Map<String, String> wanted = new HashMap<>();
        selector.path("matchLabels").fields().forEachRemaining(e -> wanted.put(e.getKey(), e.getValue().asText()));
        if (selector.has("matchExpressions")) {
            unmatched.add(where + " uses matchExpressions, which this check does not read");
        }
        if (pods.stream().noneMatch(labels -> labels.entrySet().containsAll(wanted.entrySet()))) {
            unmatched.add(where + " selects no pod: " + selector);
        }
    }

    /**
     * The labels of every pod these manifests make: the Deployments' templates as written, and the pods the operators
     * create with the labels their documentation gives (Strimzi: strimzi.io/cluster, kind, name, pool-name and the
     * node's roles; CloudNativePG: cnpg.io/cluster, cnpg.io/podRole).
     */
    private static List<Map<String, String>> podLabels(List<JsonNode> objects) {
        List<Map<String, String>> pods = new ArrayList<>();
        for (JsonNode deployment : Manifests.ofKind(objects, "Deployment")) {
            Map<String, String> labels = new HashMap<>();
            deployment.at("/spec/template/metadata/labels").fields()
                    .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            pods.add(labels);
        }
        for (JsonNode pool : Manifests.ofKind(objects, "KafkaNodePool")) {
            String cluster = pool.at("/metadata/labels/strimzi.io~1cluster").asText();
            Map<String, String> labels = new HashMap<>(Map.of("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka",
                    "strimzi.io/name", cluster + "-kafka", "strimzi.io/pool-name", Manifests.nameOf(pool)));
            for (JsonNode role : pool.at("/spec/roles")) {
                labels.put("strimzi.io/" + role.asText() + "-role", "true");
            }
            pods.add(labels);
        }
        for (JsonNode cluster : Manifests.ofKind(objects, "Cluster")) {
            pods.add(Map.of("cnpg.io/cluster", Manifests.nameOf(cluster), "cnpg.io/podRole", "instance"));
        }
        return pods;
    }
}
