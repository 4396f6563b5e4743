package dev.rapport.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Puts events on the real broker the way a producing service's outbox relay would, for consumer tests. */
public final class TestEvents {
    private TestEvents() {
    }

    /** A CloudEvent in Kafka binary mode: attributes as {@code ce_*} headers, JSON data as the value. */
    public static void sendCloudEvent(String bootstrapServers, String topic, String workspace, String id, String type,
                                      String source, String subject, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, json);
        Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", type, "ce_source", source, "ce_subject", subject,
                        "ce_time", Instant.now().toString(), "ce_workspaceid", workspace, "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        send(bootstrapServers, record);
    }

    /** A CloudEvent lacking the {@code workspaceid} extension, which consumers must refuse. */
    public static void sendCloudEventWithoutWorkspace(String bootstrapServers, String topic, String id, String type,
                                                      String source, String subject, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, subject, json);
        Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", type, "ce_source", source, "ce_subject", subject,
                        "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        send(bootstrapServers, record);
    }

    /** Anything at all, e.g. a poison message with no CloudEvents headers. */
    public static void sendRaw(String bootstrapServers, String topic, String key, String value) {
        send(bootstrapServers, new ProducerRecord<>(topic, key, value));
    }

    /** The first record with this key on the topic (read from the beginning), or an AssertionError. */
    public static ConsumerRecord<String, String> awaitRecord(String bootstrapServers, String topic, String key,
                                                             Duration timeout) {
        return awaitRecord(bootstrapServers, topic, record -> key.equals(record.key()), "keyed " + key, timeout);
    }

    /** The first record on the topic (read from the beginning) that {@code matches}, or an AssertionError. */
    public static ConsumerRecord<String, String> awaitRecord(String bootstrapServers, String topic,
                                                             java.util.function.Predicate<ConsumerRecord<String, String>> matches,
                                                             String description, Duration timeout) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "rapport-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (matches.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No record " + description + " on " + topic + " within " + timeout);
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void send(String bootstrapServers, ProducerRecord<String, String> record) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not send the test event", e.getCause());
        }
    }
}
