package dev.rapport.contacts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class ContactEventsTest {

    private static final String WORKSPACE = "events-" + UUID.randomUUID();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void creatingAContactPublishesACloudEventKeyedByTheContactId() throws Exception {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            String id = given().auth().oauth2(TestTokens.member(WORKSPACE)).contentType(ContentType.JSON)
                    .body("{\"displayName\":\"Grace Hopper\",\"emails\":[{\"address\":\"grace@example.org\"}]}")
                    .when().post("/v1/contacts")
                    .then().statusCode(201)
                    .extract().path("id");

            ConsumerRecord<String, String> record = awaitRecord(consumer, id);
            assertEquals("dev.rapport.contact.created.v1", header(record, "ce_type"));
            assertEquals("1.0", header(record, "ce_specversion"));
            assertEquals("/rapport/contacts-service", header(record, "ce_source"));
            assertEquals(id, header(record, "ce_subject"));
            assertEquals(WORKSPACE, header(record, "ce_workspaceid"));
            assertNotNull(UUID.fromString(header(record, "ce_id")));
            JsonNode data = new ObjectMapper().readTree(record.value());
            assertEquals(id, data.path("contactId").asText());
            assertEquals("Grace Hopper", data.path("displayName").asText());
            assertEquals("grace@example.org", data.path("emails").path(0).asText());
        }
    }

    @Test
    void theRequestsTraceContextTravelsWithTheEvent() {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        try (KafkaConsumer<String, String> consumer = consumer()) {
            String id = given().auth().oauth2(TestTokens.member(WORKSPACE)).contentType(ContentType.JSON)
                    .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                    .body("{\"displayName\":\"Traced Contact\"}")
                    .when().post("/v1/contacts")
                    .then().statusCode(201)
                    .extract().path("id");

            String traceparent = header(awaitRecord(consumer, id), "traceparent");
            assertNotNull(traceparent, "traceparent header on the event");
            assertEquals(traceId, traceparent.split("-")[1]);
        }
    }

    private KafkaConsumer<String, String> consumer() {
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "contacts-events-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of("rapport.contacts.v1"));
        return consumer;
    }

    private static ConsumerRecord<String, String> awaitRecord(KafkaConsumer<String, String> consumer, String key) {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                if (key.equals(record.key())) {
                    return record;
                }
            }
        }
        throw new AssertionError("No event keyed " + key + " on rapport.contacts.v1 within 20 s");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
