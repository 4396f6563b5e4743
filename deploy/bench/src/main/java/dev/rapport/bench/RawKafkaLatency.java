package dev.rapport.bench;

import dev.rapport.local.LocalKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The baseline: plain Kafka clients, produce (acks=all, idempotent) to consume on the same broker, at the same
 * rate, 512-byte records carrying their send time.
 */
final class RawKafkaLatency {
    private RawKafkaLatency() {
    }

    static Percentiles measure(LocalKafka kafka, int rate, int seconds) throws Exception {
        String topic = "bench.raw." + UUID.randomUUID();
        kafka.createTopics(List.of(topic), 3);
        Percentiles latencies = new Percentiles();
        int total = rate * seconds;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                     ProducerConfig.ACKS_CONFIG, "all",
                     ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new ByteArraySerializer(), new ByteArraySerializer())) {
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            Thread sender = new Thread(() -> {
                Pacer pacer = new Pacer(rate);
                for (int i = 0; i < total; i++) {
                    pacer.awaitTurn(i);
                    byte[] value = ByteBuffer.allocate(512).putLong(System.nanoTime()).array();
                    producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString().getBytes(), value));
                }
                producer.flush();
            }, "raw-kafka-sender");
            sender.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(seconds + 60L).toNanos();
            while (latencies.count() < total && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    long sentAt = ByteBuffer.wrap(record.value()).getLong();
                    latencies.add((System.nanoTime() - sentAt) / 1e6);
                }
            }
            sender.join();
        }
        return latencies;
    }
}
