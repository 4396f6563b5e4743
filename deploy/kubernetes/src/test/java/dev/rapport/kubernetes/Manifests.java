package dev.rapport.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The manifests as a cluster would receive them: an overlay rendered by {@code kubectl kustomize}, offline. */
final class Manifests {

    static final Path KUBERNETES = Path.of("").toAbsolutePath();
    static final Path REPOSITORY = KUBERNETES.resolve("../..").normalize();
    static final List<String> OVERLAYS = List.of("dev", "prod");

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {
    }

    /** Every object {@code kubectl kustomize overlays/<overlay>} renders. */
    static List<JsonNode> render(String overlay) {
        return render(KUBERNETES.resolve("overlays").resolve(overlay));
    }

    static List<JsonNode> render(Path directory) {
        try {
            Path output = Files.createTempFile("kustomize", ".yaml");
            try {
                Process process = new ProcessBuilder("kubectl", "kustomize", directory.toString())
                        .redirectOutput(output.toFile()).redirectErrorStream(false).start();
                String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                    throw new AssertionError("kubectl kustomize " + directory + " failed: " + errors);
                }
                return parse(Files.readString(output));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new AssertionError("kubectl (with kustomize) is needed to render the manifests: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static List<JsonNode> parse(String yaml) throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(yaml)) {
            var documents = YAML.readValues(parser, JsonNode.class);
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isEmpty()) {
                    objects.add(document);
                }
            }
        }
        return objects;
    }

    static String kindOf(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    static String nameOf(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String describe(JsonNode object) {
        return kindOf(object) + " " + nameOf(object);
    }

    static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }

    static JsonNode named(List<JsonNode> objects, String kind, String name) {
        return ofKind(objects, kind).stream().filter(o -> nameOf(o).equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " is rendered"));
    }
}
