package dev.rapport.kit;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Reads the test topic from the real broker, from its beginning, as a downstream consumer would. */
public final class KitTopic {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long to keep reading once every expected record arrived, so a duplicate has time to show. */
    private static final Duration SETTLE = Duration.ofSeconds(2);

    private KitTopic() {
    }

    /**
     * The payloads' {@code n}, per key, in the order the topic holds them, once {@code expected} records with these
     * keys arrived (and a little after), or an AssertionError at the timeout.
     */
    public static Map<String, List<Integer>> numbersByKey(String bootstrapServers, Set<String> keys, int expected,
                                                          Duration timeout) {
        Map<String, List<Integer>> byKey = new HashMap<>();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "kit-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(KitTestResource.TOPIC));
            Instant deadline = Instant.now().plus(timeout);
            Instant settled = null;
            int seen = 0;
            while (settled == null || Instant.now().isBefore(settled)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("Only " + seen + " of " + expected + " records arrived: " + byKey);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (keys.contains(record.key())) {
                        byKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(number(record.value()));
                        seen++;
                    }
                }
                if (settled == null && seen >= expected) {
                    settled = Instant.now().plus(SETTLE);
                }
            }
        }
        return byKey;
    }

    private static int number(String payload) {
        try {
            return JSON.readTree(payload).path("n").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
