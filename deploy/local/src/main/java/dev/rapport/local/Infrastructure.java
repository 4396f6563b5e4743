package dev.rapport.local;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** PostgreSQL (three databases) plus Kafka (with Rapport's topics created): what every service needs. */
public final class Infrastructure implements AutoCloseable {

    /** Topics per producing aggregate, with the dead-letter topics of their consumers. */
    public static final List<String> TOPICS = List.of(
            "rapport.contacts.v1", "rapport.interactions.v1", "rapport.reminders.v1");
    public static final int PARTITIONS = 3;

    private final LocalPostgres postgres;
    private final LocalKafka kafka;

    private Infrastructure(LocalPostgres postgres, LocalKafka kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    public record Settings(Path dataDir, int postgresPort, int kafkaPort, int kafkaControllerPort, boolean durable) {
    }

    public static Infrastructure start(Settings settings) throws IOException {
        LocalPostgres postgres = LocalPostgres.start(settings.dataDir().resolve("postgres"),
                settings.postgresPort(), settings.durable());
        LocalKafka kafka = null;
        try {
            kafka = new LocalKafka(settings.dataDir().resolve("kafka"),
                    settings.kafkaPort(), settings.kafkaControllerPort()).start();
            kafka.createTopics(allTopics(), PARTITIONS);
            return new Infrastructure(postgres, kafka);
        } catch (IOException | RuntimeException e) {
            if (kafka != null) {
                kafka.close();
            }
            postgres.close();
            throw e;
        }
    }

    public static List<String> allTopics() {
        List<String> all = new ArrayList<>(TOPICS);
        TOPICS.forEach(topic -> all.add(topic + ".dlq"));
        // reminders-service's webhook consumer reads all three topics: its dead letters have a topic of their own.
        all.add("rapport.webhooks.v1.dlq");
        return all;
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public LocalKafka kafka() {
        return kafka;
    }

    @Override
    public void close() throws IOException {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
