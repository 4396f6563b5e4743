package dev.rapport.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The type names, the schema and example files and the AsyncAPI document name the same events. */
class InteractionEventTypesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyTypeHasASchemaTitledByItsNameAndAnExample() throws IOException {
        for (String type : InteractionEventTypes.ALL) {
            JsonNode schema = read(JSON, InteractionEventTypes.schema(type));
            assertEquals(type, schema.path("title").asText(), "title of " + type + "'s schema");
            assertEquals("https://rapport.dev/events/" + type + ".schema.json", schema.path("$id").asText());
            assertTrue(read(JSON, InteractionEventTypes.example(type)).isObject(), "example of " + type);
        }
    }

    /** An update carries the whole state, as logged: one state schema, so the two cannot drift apart. */
    @Test
    void theUpdatedStateIsTheLoggedState() throws IOException {
        JsonNode updated = read(JSON, InteractionEventTypes.schema(InteractionEventTypes.UPDATED_V1));
        assertEquals(InteractionEventTypes.LOGGED_V1 + ".schema.json", updated.path("$ref").asText());
        assertTrue(updated.path("properties").isMissingNode(), "no second copy of the state's properties");
    }

    @Test
    void theFolderHoldsTheseTypesAndTheAsyncApiDocumentOnly() throws IOException, URISyntaxException {
        Path folder = Path.of(InteractionEventTypes.class.getClassLoader().getResource(InteractionEventTypes.RESOURCES).toURI());
        Set<String> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = new TreeSet<>(listed.map(file -> file.getFileName().toString()).toList());
        }
        Set<String> expected = new TreeSet<>(Set.of("asyncapi.yaml"));
        InteractionEventTypes.ALL.forEach(type -> {
            expected.add(type + ".schema.json");
            expected.add(type + ".example.json");
        });
        assertEquals(expected, files);
    }

    @Test
    void theAsyncApiDocumentPublishesEveryTypeWithItsSchema() throws IOException {
        JsonNode asyncApi = read(new ObjectMapper(new YAMLFactory()), InteractionEventTypes.RESOURCES + "asyncapi.yaml");
        assertEquals(InteractionEventTypes.TOPIC, asyncApi.path("channels").path("interactions").path("address").asText());
        List<String> published = new ArrayList<>();
        asyncApi.path("components").path("messages").forEach(message -> {
            String type = message.path("name").asText();
            published.add(type);
            assertEquals(type, message.path("headers").path("properties").path("ce_type").path("const").asText());
            assertEquals(type + ".schema.json", message.path("payload").path("$ref").asText());
        });
        assertEquals(InteractionEventTypes.ALL, published);
    }

    private static JsonNode read(ObjectMapper mapper, String resource) throws IOException {
        try (InputStream in = InteractionEventTypes.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, "no " + resource + " on the classpath");
            return mapper.readTree(in);
        }
    }
}
