package dev.rapport.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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

/**
 * A producer's published event contract, as every reader gets it from the classpath: a JSON Schema titled by its
 * type and an example per type, an AsyncAPI document publishing each type on the topic with its schema, and nothing
 * else in the folder. The checks of the contract jars' own tests ({@link #checkFiles()}), and the schema validation
 * the producers' tests run on what they emit ({@link #assertValid}).
 *
 * @param types     every type the producer publishes, in the AsyncAPI document's order
 * @param resources the classpath folder of the files, ending in {@code /}
 * @param channel   the AsyncAPI channel the types are published on
 * @param topic     that channel's Kafka topic
 */
public record EventContract(List<String> types, String resources, String channel, String topic) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each schema's {@code $ref} to another published one (by its {@code $id}) is read from the same folder. */
    private JsonSchemaFactory schemas() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                factory -> factory.schemaMappers(mappers -> mappers.mapPrefix("https://rapport.dev/events/",
                        "classpath:" + resources)));
    }

    public String schema(String type) {
        return resources + type + ".schema.json";
    }

    public String example(String type) {
        return resources + type + ".example.json";
    }

    /** Names, files and the AsyncAPI document name the same events. */
    public void checkFiles() {
        for (String type : types) {
            JsonNode schema = read(JSON, schema(type));
            assertEquals(type, schema.path("title").asText(), "title of " + type + "'s schema");
            assertEquals("https://rapport.dev/events/" + type + ".schema.json", schema.path("$id").asText());
            assertTrue(read(JSON, example(type)).isObject(), "example of " + type);
            assertValid(type, read(JSON, example(type)), example(type));
        }
        Set<String> expected = new TreeSet<>(Set.of("asyncapi.yaml"));
        types.forEach(type -> {
            expected.add(type + ".schema.json");
            expected.add(type + ".example.json");
        });
        assertEquals(expected, filesInFolder());
        JsonNode asyncApi = read(new ObjectMapper(new YAMLFactory()), resources + "asyncapi.yaml");
        assertEquals(topic, asyncApi.path("channels").path(channel).path("address").asText());
        List<String> published = new ArrayList<>();
        asyncApi.path("components").path("messages").forEach(message -> {
            String type = message.path("name").asText();
            published.add(type);
            assertEquals(type, message.path("headers").path("properties").path("ce_type").path("const").asText());
            assertEquals(type + ".schema.json", message.path("payload").path("$ref").asText());
        });
        assertEquals(types, published);
    }

    /**
     * {@code type}'s schema is {@code sameAs}'s, by reference and with no copy of its properties, and the reference is
     * followed when validating (a payload missing what {@code sameAs} requires is refused).
     */
    public void checkSameSchema(String type, String sameAs, String invalidPayload) {
        JsonNode schema = read(JSON, schema(type));
        assertEquals(sameAs + ".schema.json", schema.path("$ref").asText());
        assertTrue(schema.path("properties").isMissingNode(), "no second copy of the state's properties");
        try {
            assertTrue(!schemas().getSchema(schema).validate(JSON.readTree(invalidPayload)).isEmpty(),
                    "the reference of " + type + " is followed");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The payload matches the schema of its type, which must be one of this producer's. */
    public void assertValid(String type, JsonNode payload, String what) {
        assertTrue(types.contains(type), "no schema for event type " + type);
        Set<ValidationMessage> errors = schemas().getSchema(read(JSON, schema(type))).validate(payload);
        assertTrue(errors.isEmpty(), what + " of type " + type + " breaks its schema: " + errors);
    }

    private Set<String> filesInFolder() {
        try (Stream<Path> listed = Files.list(Path.of(getClass().getClassLoader().getResource(resources).toURI()))) {
            return new TreeSet<>(listed.map(file -> file.getFileName().toString()).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(ObjectMapper mapper, String resource) {
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, "no " + resource + " on the classpath");
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
