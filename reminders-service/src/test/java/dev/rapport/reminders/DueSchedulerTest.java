package dev.rapport.reminders;

import dev.rapport.events.ReminderEventTypes;
import dev.rapport.reminders.service.DueScheduler;
import dev.rapport.testing.RapportInfraTestResource;
import dev.rapport.testing.TestEvents;
import dev.rapport.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * reminder.due.v1 goes out once per reminder coming due: two schedulers (as two replicas would) racing over one
 * database announce each once, and a scheduler starting afresh (as after a restart) announces nothing again.
 */
@QuarkusTest
@WithTestResource(RapportInfraTestResource.class)
class DueSchedulerTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DueScheduler scheduler;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eachReminderComingDueIsAnnouncedOnceWhateverTheNumberOfSchedulers() throws Exception {
        String workspace = "due-" + UUID.randomUUID();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        List<String> due = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            due.add(create(workspace, "{\"text\":\"Due " + i + "\",\"due\":\"" + yesterday + "\"}"));
        }
        String later = create(workspace, "{\"text\":\"Later\",\"due\":\"" + LocalDate.now(ZoneOffset.UTC).plusDays(2) + "\"}");

        ExecutorService replicas = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (int replica = 0; replica < 2; replica++) {
            runs.add(replicas.submit(() -> {
                start.await();
                return scheduler.announceDue(Instant.now());
            }));
        }
        start.countDown();
        for (Future<Integer> run : runs) {
            run.get();
        }
        replicas.shutdown();

        Map<String, Integer> announced = dueEvents(workspace);
        for (String id : due) {
            assertEquals(1, announced.getOrDefault(id, 0), "due events of reminder " + id);
        }
        assertEquals(due.size(), announced.size(), "nothing else came due: " + later + " is for later");

        scheduler.announceDue(Instant.now());
        assertEquals(announced, dueEvents(workspace), "a scheduler starting afresh finds them announced");

        // Snoozed to today, it comes due again, once, for its new moment.
        String snoozed = due.get(0);
        given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON)
                .body("{\"until\":\"" + LocalDate.now(ZoneOffset.UTC) + "\"}")
                .post("/v1/reminders/{id}/snooze", snoozed).then().statusCode(200);
        scheduler.announceDue(Instant.now());
        scheduler.announceDue(Instant.now());
        assertEquals(2, dueEvents(workspace).get(snoozed));

        ConsumerRecord<String, String> published = TestEvents.awaitRecord(kafka, ReminderEventTypes.TOPIC,
                r -> due.get(1).equals(r.key()) && ReminderEventTypes.DUE_V1.equals(TestEvents.header(r, "ce_type")),
                "due event of " + due.get(1), Duration.ofSeconds(30));
        assertEquals("Due 1", new com.fasterxml.jackson.databind.ObjectMapper().readTree(published.value()).get("text").asText());
        assertEquals(workspace, TestEvents.header(published, "ce_workspaceid"));
    }

    String create(String workspace, String json) {
        return given().auth().oauth2(TestTokens.member(workspace)).contentType(ContentType.JSON).body(json)
                .post("/v1/reminders").then().statusCode(201).extract().path("id");
    }

    /** How many due events the workspace's outbox holds per reminder. */
    Map<String, Integer> dueEvents(String workspace) throws Exception {
        Map<String, Integer> counts = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "select subject, count(*) from outbox_event where workspace_id = ? and type = ? group by subject")) {
            query.setString(1, workspace);
            query.setString(2, ReminderEventTypes.DUE_V1);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }
}
