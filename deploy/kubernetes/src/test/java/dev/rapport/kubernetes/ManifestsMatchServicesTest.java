package dev.rapport.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.events.ContactEventTypes;
import dev.rapport.events.InteractionEventTypes;
import dev.rapport.events.ReminderEventTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rendered manifests name the ports, probes, settings, topics and databases the services really use. */
class ManifestsMatchServicesTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    /** The JVM's own variable, not a setting. */
    private static final Set<String> NOT_SETTINGS = Set.of("JAVA_TOOL_OPTIONS");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void portsAndProbesAreTheServicesOwn(String overlay) {
        List<JsonNode> objects = Manifests.render(overlay);
        for (Services service : Services.values()) {
            JsonNode container = container(objects, service);
            int port = service.httpPort();
            assertEquals(port, container.at("/ports/0/containerPort").asInt(), service.module + " listens on its port");
            assertEquals("/q/health/started", container.at("/startupProbe/httpGet/path").asText());
            assertEquals("/q/health/live", container.at("/livenessProbe/httpGet/path").asText());
            assertEquals("/q/health/ready", container.at("/readinessProbe/httpGet/path").asText());
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                assertEquals(container.at("/ports/0/name").asText(), container.at("/" + probe + "/httpGet/port").asText(),
                        service.module + " " + probe + " asks the service's port");
            }
            JsonNode pod = Manifests.named(objects, "Deployment", service.module).at("/spec/template");
            assertEquals(String.valueOf(port), pod.at("/metadata/annotations/prometheus.io~1port").asText());
            assertEquals("/q/metrics", pod.at("/metadata/annotations/prometheus.io~1path").asText());
            JsonNode kubeService = Manifests.named(objects, "Service", service.module);
            assertEquals(container.at("/ports/0/name").asText(), kubeService.at("/spec/ports/0/targetPort").asText());
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyEnvironmentVariableConfiguresARealSetting(String overlay) {
        List<JsonNode> objects = Manifests.render(overlay);
        List<String> unknown = new ArrayList<>();
        for (Services service : Services.values()) {
            for (String variable : environment(objects, service)) {
                if (!NOT_SETTINGS.contains(variable) && !ServiceSettings.configures(service, variable)) {
                    unknown.add(service.module + ": " + variable);
                }
            }
        }
        assertEquals(List.of(), unknown, "variables no setting of the service reads");
    }

    @Test
    void theSettingsCheckKnowsARealVariableFromAMisspeltOne() {
        assertTrue(ServiceSettings.configures(Services.REMINDERS, "RAPPORT_REMINDERS_FEED_BASE_URL"));
        assertTrue(ServiceSettings.configures(Services.INTERACTIONS, "RAPPORT_CALENDAR_URL_KEY"));
        assertTrue(ServiceSettings.configures(Services.CONTACTS, "RAPPORT_BACKUP_SIGNING_KEY"));
        assertFalse(ServiceSettings.configures(Services.CONTACTS, "RAPPORT_REMINDERS_FEED_BASE_URL"));
        assertFalse(ServiceSettings.configures(Services.INTERACTIONS, "RAPPORT_CALENDAR_URLKEY"));
        assertFalse(ServiceSettings.configures(Services.CONTACTS, "KAFKA_BOOTSTRAP_SERVER"));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void eachServiceReachesItsOwnDatabaseThroughItsClustersSecret(String overlay) {
        List<JsonNode> objects = Manifests.render(overlay);
        for (Services service : Services.values()) {
            Map<String, JsonNode> env = envByName(container(objects, service));
            String host = env.get("RAPPORT_DB_HOST").path("value").asText();
            assertTrue(host.endsWith("-rw"), service.module + " writes to its cluster's primary: " + host);
            String clusterName = host.substring(0, host.length() - "-rw".length());
            JsonNode cluster = Manifests.named(objects, "Cluster", clusterName);
            assertEquals(service.database(), cluster.at("/spec/bootstrap/initdb/database").asText(),
                    clusterName + " creates the database " + service.module + " connects to");
            assertEquals("5432", env.get("RAPPORT_DB_PORT").path("value").asText());
            for (var credential : Map.of("QUARKUS_DATASOURCE_USERNAME", "username",
                    "QUARKUS_DATASOURCE_PASSWORD", "password").entrySet()) {
                JsonNode ref = env.get(credential.getKey()).at("/valueFrom/secretKeyRef");
                assertEquals(clusterName + "-app", ref.path("name").asText(), "CloudNativePG's application secret");
                assertEquals(credential.getValue(), ref.path("key").asText());
            }
            JsonNode egress = Manifests.named(objects, "NetworkPolicy", service.module + "-egress");
            assertEquals(clusterName, egress.at("/spec/egress/0/to/0/podSelector/matchLabels/cnpg.io~1cluster").asText(),
                    service.module + " may reach its own database and no other");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theTopicsAreExactlyTheOnesTheServicesUse(String overlay) {
        List<JsonNode> objects = Manifests.render(overlay);
        Set<String> declared = new TreeSet<>();
        for (JsonNode topic : Manifests.ofKind(objects, "KafkaTopic")) {
            declared.add(topic.at("/spec/topicName").asText());
            assertEquals("rapport", topic.at("/metadata/labels/strimzi.io~1cluster").asText());
        }
        Set<String> used = new TreeSet<>(List.of(ContactEventTypes.TOPIC, InteractionEventTypes.TOPIC, ReminderEventTypes.TOPIC));
        for (Services service : Services.values()) {
            service.properties().forEach((key, value) -> {
                String name = key.toString();
                if (name.matches("mp\\.messaging\\.incoming\\.[^.]+\\.(topic|dead-letter-queue\\.topic)")) {
                    used.add(value.toString());
                }
            });
        }
        assertEquals(used, declared);
        assertEquals("false", Manifests.named(objects, "Kafka", "rapport").at("/spec/kafka/config/auto.create.topics.enable").asText(),
                "a topic no KafkaTopic declares (such as the outbox channel's never-used default) is never created");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void kafkaIsReachedThroughItsBootstrapServiceOnTheListenerPort(String overlay) {
        List<JsonNode> objects = Manifests.render(overlay);
        JsonNode kafka = Manifests.named(objects, "Kafka", "rapport");
        int port = kafka.at("/spec/kafka/listeners/0/port").asInt();
        JsonNode config = Manifests.ofKind(objects, "ConfigMap").stream()
                .filter(c -> Manifests.nameOf(c).startsWith("rapport-config")).findFirst().orElseThrow();
        assertEquals("rapport-kafka-bootstrap:" + port, config.at("/data/KAFKA_BOOTSTRAP_SERVERS").asText());
        int brokers = 0;
        for (JsonNode pool : Manifests.ofKind(objects, "KafkaNodePool")) {
            if (pool.at("/spec/roles").toString().contains("broker")) {
                brokers += pool.at("/spec/replicas").asInt();
            }
        }
        for (JsonNode topic : Manifests.ofKind(objects, "KafkaTopic")) {
            int replicas = topic.at("/spec/replicas").asInt();
            int minInSync = topic.at("/spec/config/min.insync.replicas").asInt();
            assertTrue(replicas <= brokers, Manifests.nameOf(topic) + " fits on the " + brokers + " brokers");
            assertTrue(minInSync == 1 && replicas == 1 || minInSync < replicas,
                    Manifests.nameOf(topic) + ": one broker may be down and writes (acks=all) go on");
        }
    }

    private static JsonNode container(List<JsonNode> objects, Services service) {
        JsonNode deployment = Manifests.named(objects, "Deployment", service.module);
        JsonNode containers = deployment.at("/spec/template/spec/containers");
        assertEquals(1, containers.size());
        return containers.get(0);
    }

    private static Map<String, JsonNode> envByName(JsonNode container) {
        Map<String, JsonNode> env = new java.util.LinkedHashMap<>();
        container.path("env").forEach(variable -> env.put(variable.path("name").asText(), variable));
        return env;
    }

    /** Every variable the container gets: its own and those of the ConfigMaps it takes whole. */
    private static Set<String> environment(List<JsonNode> objects, Services service) {
        JsonNode container = container(objects, service);
        Set<String> names = new TreeSet<>(envByName(container).keySet());
        for (JsonNode source : container.path("envFrom")) {
            String configMap = source.at("/configMapRef/name").asText();
            JsonNode map = Manifests.named(objects, "ConfigMap", configMap);
            map.path("data").fieldNames().forEachRemaining(names::add);
        }
        return names;
    }
}
