package dev.rapport.local;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InfrastructureTest {

    @Test
    void brokerRestartedOnTheSameLogDirectoryKeepsItsMessages(@TempDir Path dir) throws Exception {
        LocalKafka kafka = new LocalKafka(dir, Ports.free(), Ports.free()).start();
        try {
            kafka.createTopics(List.of("restart-check"), 1);
            produce(kafka, "restart-check", "before-restart");
            kafka.stop();
            kafka.start();
            produce(kafka, "restart-check", "after-restart");
            assertEquals(List.of("before-restart", "after-restart"), consumeAll(kafka, "restart-check"));
        } finally {
            kafka.close();
        }
    }

    @Test
    void durablePostgresKeepsDataAcrossRestarts(@TempDir Path dir) throws Exception {
        int port = Ports.free();
        try (LocalPostgres first = LocalPostgres.start(dir.resolve("pg"), port, true);
             Connection c = DriverManager.getConnection(first.jdbcUrl("contacts"), "postgres", "");
             Statement s = c.createStatement()) {
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                try (ResultSet rs = s.executeQuery("show " + setting)) {
                    assertTrue(rs.next());
                    assertEquals("on", rs.getString(1), setting + " on a durable server");
                }
            }
            s.execute("create table kept (name text)");
            s.execute("insert into kept values ('Ada')");
        }
        try (LocalPostgres second = LocalPostgres.start(dir.resolve("pg"), port, true);
             Connection c = DriverManager.getConnection(second.jdbcUrl("contacts"), "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("select name from kept")) {
            assertTrue(rs.next());
            assertEquals("Ada", rs.getString(1));
        }
    }

    private static void produce(LocalKafka kafka, String topic, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get();
        }
    }

    private static List<String> consumeAll(LocalKafka kafka, String topic) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "check-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 20_000;
            int emptyPollsAfterData = 0;
            while (System.currentTimeMillis() < deadline && emptyPollsAfterData < 3) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<String, String> record : records) {
                    values.add(record.value());
                }
                if (records.isEmpty() && !values.isEmpty()) {
                    emptyPollsAfterData++;
                }
            }
        }
        return values;
    }
}
