package dev.rapport.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rendered object fits the schema its registry publishes: no unknown kind, field or type. */
class ModelSchemaTest {

    /** Kinds no registry ships a schema for; CloudNativePgFieldsTest checks each field they use instead. */
    static final Set<String> CHECKED_FIELD_BY_FIELD = Set.of(
            "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/ScheduledBackup", "barmancloud.cnpg.io/v1/ObjectStore");

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyRenderedObjectFitsItsPublishedSchema(String overlay) {
        List<JsonNode> objects = Manifests.render(overlay);
        List<String> problems = new ArrayList<>();
        for (JsonNode object : objects) {
            var model = StrictModels.modelOf(object);
            if (model.isEmpty()) {
                if (!CHECKED_FIELD_BY_FIELD.contains(Manifests.kindOf(object))) {
                    problems.add(Manifests.describe(object) + ": no schema for this kind");
                }
                continue;
            }
            try {
                StrictModels.read(object, model.get());
            } catch (Exception e) {
                problems.add(Manifests.describe(object) + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(objects.size() > 30, "the " + overlay + " overlay renders the whole system");
    }

    @Test
    void aMisspeltFieldIsRefusedWithItsPath() throws Exception {
        ObjectNode deployment = (ObjectNode) Manifests.named(Manifests.render("dev"), "Deployment", "contacts-service");
        ObjectNode container = (ObjectNode) deployment.at("/spec/template/spec/containers/0");
        container.set("readinessProbes", container.get("readinessProbe"));
        var failure = assertThrows(Exception.class,
                () -> StrictModels.read(deployment, StrictModels.MODELS.get("apps/v1/Deployment")));
        assertTrue(failure.getMessage().contains("readinessProbes"), failure.getMessage());
    }

    @Test
    void aStrimziFieldOfTheWrongShapeIsRefused() throws Exception {
        ObjectNode topic = (ObjectNode) Manifests.named(Manifests.render("dev"), "KafkaTopic", "rapport.contacts.v1");
        ((ObjectNode) topic.get("spec")).put("partitions", "twelve");
        assertThrows(Exception.class, () -> StrictModels.read(topic, StrictModels.MODELS.get("kafka.strimzi.io/v1/KafkaTopic")));
        ((ObjectNode) topic.get("spec")).put("partitions", 12).put("replica", 3);
        var failure = assertThrows(Exception.class,
                () -> StrictModels.read(topic, StrictModels.MODELS.get("kafka.strimzi.io/v1/KafkaTopic")));
        assertTrue(failure.getMessage().contains("replica"), failure.getMessage());
    }
}
