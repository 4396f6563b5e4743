package dev.rapport.e2e;

import com.sun.net.httpserver.HttpServer;
import dev.rapport.events.ContactEventTypes;
import dev.rapport.events.InteractionEventTypes;
import dev.rapport.events.ReminderEventTypes;
import dev.rapport.local.LocalStack;
import dev.rapport.local.LocalStack.Service;
import dev.rapport.local.Ports;
import dev.rapport.local.ServiceProcess;
import dev.rapport.local.Tokens;
import dev.rapport.testing.TestEvents;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The services scaled out: two instances of each on the same PostgreSQL and Kafka. A write through either instance is
 * seen through both; each event is applied once across a consumer group, and interaction events applied in parallel
 * still leave each keep-in-touch day at the latest interaction; the outbox relay, import leases, the due scheduler and
 * calendar polls each do their work once across the replicas; and SIGKILLing one instance of each service in the
 * middle of a load loses nothing and applies nothing twice. The stack starts once for the class; each test has a
 * workspace of its own, and the kill comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@org.junit.jupiter.api.Order(13)
class ScaleOutIT {

    private static final Duration PROPAGATION = Duration.ofSeconds(30);
    /** After a SIGKILL the group waits for the killed consumers' sessions to time out (see {@link #SETTINGS}). */
    private static final Duration AFTER_A_KILL = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final List<Service> CONSUMERS = List.of(Service.INTERACTIONS, Service.REMINDERS);
    private static final String CONTACT_PROJECTION = ".contact-projection";
    /** reminders-service's consumer of interaction events (its inbox rows carry this name). */
    private static final String REMINDERS_INTERACTIONS = "reminders.interactions";
    /** How often each calendar subscription may be fetched (set short here; an hour by default). */
    private static final Duration CALENDAR_POLL_INTERVAL = Duration.ofSeconds(2);
    /** Kafka's default is 45 s: how long a SIGKILLed consumer keeps its partitions before the group moves them. */
    private static final String SESSION_TIMEOUT = "10000";

    /**
     * Every replica runs its schedulers often, so replicas race for the same work: due reminders every second, the
     * import sweep every second, the calendar poller twice a second (each subscription still fetched every 2 s).
     * Consumers' sessions time out after 10 s, so the test need not wait 45 s for the group to notice a killed instance.
     * The load is one token's: rate limits out of reach.
     */
    private static final Map<Service, Map<String, String>> SETTINGS = LocalStack.withLimitsOutOfReach(Map.of(
            Service.CONTACTS, Map.of("rapport.imports.sweep-interval", "1s"),
            Service.INTERACTIONS, Map.of(
                    "rapport.calendar.poll-interval", CALENDAR_POLL_INTERVAL.toString(),
                    "rapport.calendar.poller-every", "500ms",
                    "rapport.calendar.poller-delay", "1s",
                    // The test's calendar server is on this machine: allowed by name, as interactions-service's own tests do.
                    "rapport.calendar.fetch.allowed-hosts", "localhost",
                    "mp.messaging.incoming.contact-events.session.timeout.ms", SESSION_TIMEOUT,
                    "mp.messaging.incoming.reminder-events.session.timeout.ms", SESSION_TIMEOUT),
            Service.REMINDERS, Map.of(
                    "rapport.reminders.due-check-every", "1s",
                    "rapport.reminders.due-check-delay", "1s",
                    "mp.messaging.incoming.contact-events.session.timeout.ms", SESSION_TIMEOUT,
                    "mp.messaging.incoming.interaction-events.session.timeout.ms", SESSION_TIMEOUT)));

    @TempDir
    static Path dataDir;

    private static LocalStack stack;
    /** The second instance of each service (the stack's own is the first). */
    private static final Map<Service, ServiceProcess> second = new EnumMap<>(Service.class);
    private static final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void startTwoInstancesOfEveryService() throws Exception {
        SharedStack.stop();
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            ports.put(service, Ports.free());
        }
        stack = LocalStack.start(new LocalStack.Settings(LauncherProcess.HOME, dataDir, Ports.free(),
                Ports.free(), Ports.free(), ports, false), SETTINGS);
        for (Service service : Service.values()) {
            second.put(service, stack.startInstance(service, Ports.free(),
                    dataDir.resolve("logs").resolve(service.module + "-2.log"), SETTINGS.get(service)));
        }
        for (ServiceProcess process : second.values()) {
            process.awaitReady(Duration.ofMinutes(2));
        }
    }

    @AfterAll
    static void stopEverything() throws Exception {
        second.values().forEach(ServiceProcess::close);
        if (stack != null) {
            stack.close();
        }
    }

    private static String a(Service service) {
        return stack.url(service);
    }

    private static String b(Service service) {
        return second.get(service).url();
    }

    @Test
    @Order(1)
    void aWriteThroughEitherInstanceIsSeenThroughBoth() throws Exception {
        String workspace = "scale-read-write";
        String token = token(workspace, "rw-user");

        // contacts-service: created through A, read through B; changed through B, read through A.
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"givenName\":\"Mary\",\"familyName\":\"Jackson\",\"emails\":[{\"address\":\"mary@example.org\"}]}")
                .post(a(Service.CONTACTS) + "/v1/contacts").then().statusCode(201).extract().path("id");
        String created = given().auth().oauth2(token).get(b(Service.CONTACTS) + "/v1/contacts/" + id)
                .then().statusCode(200).body("displayName", equalTo("Mary Jackson")).extract().header("ETag");
        String patched = given().auth().oauth2(token).contentType("application/merge-patch+json").header("If-Match", created)
                .body("{\"familyName\":\"Winston Jackson\"}")
                .patch(b(Service.CONTACTS) + "/v1/contacts/" + id).then().statusCode(200).extract().header("ETag");
        assertNotEquals(created, patched);
        given().auth().oauth2(token).get(a(Service.CONTACTS) + "/v1/contacts/" + id)
                .then().statusCode(200).header("ETag", patched).body("displayName", equalTo("Mary Winston Jackson"));
        // The version B wrote is the one A checks: A's copy of the old ETag is stale.
        given().auth().oauth2(token).contentType("application/merge-patch+json").header("If-Match", created)
                .body("{\"familyName\":\"Stale\"}")
                .patch(a(Service.CONTACTS) + "/v1/contacts/" + id).then().statusCode(412);
        // An Idempotency-Key used at A and retried at B: one contact, B replays A's response.
        String body = "{\"displayName\":\"Dorothy Vaughan\"}";
        String first = given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", "rw-once")
                .body(body).post(a(Service.CONTACTS) + "/v1/contacts").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", "rw-once")
                .body(body).post(b(Service.CONTACTS) + "/v1/contacts").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(first));
        assertEquals(2, count(Service.CONTACTS, "select count(*) from contact where workspace_id = ?", workspace));

        // interactions-service: logged through B, read through A; changed through A, read through B.
        awaitProjected(token, id);
        String interaction = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"kind\":\"call\",\"occurredAt\":\"" + today().minusDays(3) + "T10:00:00Z\",\"summary\":\"Wind tunnels\","
                        + "\"participants\":[{\"contactId\":\"" + id + "\"}]}")
                .post(b(Service.INTERACTIONS) + "/v1/interactions").then().statusCode(201).extract().path("id");
        String logged = given().auth().oauth2(token).get(a(Service.INTERACTIONS) + "/v1/interactions/" + interaction)
                .then().statusCode(200).body("summary", equalTo("Wind tunnels"))
                .body("participants[0].displayName", equalTo("Mary Winston Jackson")).extract().header("ETag");
        String edited = given().auth().oauth2(token).contentType("application/merge-patch+json").header("If-Match", logged)
                .body("{\"summary\":\"Wind tunnels and engineering school\"}")
                .patch(a(Service.INTERACTIONS) + "/v1/interactions/" + interaction).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(token).get(b(Service.INTERACTIONS) + "/v1/interactions/" + interaction)
                .then().statusCode(200).header("ETag", edited).body("summary", equalTo("Wind tunnels and engineering school"));
        given().auth().oauth2(token).contentType("application/merge-patch+json").header("If-Match", logged)
                .body("{\"summary\":\"Stale\"}")
                .patch(b(Service.INTERACTIONS) + "/v1/interactions/" + interaction).then().statusCode(412);

        // reminders-service: a cadence set through A, read and changed through B, read through A; a reminder both ways.
        String cadence = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"contactId\":\"" + id + "\",\"every\":\"P30D\"}")
                .post(a(Service.REMINDERS) + "/v1/cadences").then().statusCode(201).extract().path("id");
        String set = given().auth().oauth2(token).get(b(Service.REMINDERS) + "/v1/cadences/" + cadence)
                .then().statusCode(200).body("every", equalTo("P30D")).extract().header("ETag");
        String changed = given().auth().oauth2(token).contentType("application/merge-patch+json").header("If-Match", set)
                .body("{\"every\":\"P60D\"}")
                .patch(b(Service.REMINDERS) + "/v1/cadences/" + cadence).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(token).get(a(Service.REMINDERS) + "/v1/cadences/" + cadence)
                .then().statusCode(200).header("ETag", changed).body("every", equalTo("P60D"));
        String reminder = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"text\":\"Ask about the engineering school\",\"due\":\"" + today().plusDays(5) + "\",\"contactId\":\"" + id + "\"}")
                .post(b(Service.REMINDERS) + "/v1/reminders").then().statusCode(201).extract().path("id");
        String open = given().auth().oauth2(token).get(a(Service.REMINDERS) + "/v1/reminders/" + reminder)
                .then().statusCode(200).body("text", equalTo("Ask about the engineering school")).extract().header("ETag");
        given().auth().oauth2(token).contentType("application/merge-patch+json").header("If-Match", open)
                .body("{\"due\":\"" + today().plusDays(6) + "\"}")
                .patch(a(Service.REMINDERS) + "/v1/reminders/" + reminder).then().statusCode(200);
        given().auth().oauth2(token).get(b(Service.REMINDERS) + "/v1/reminders/" + reminder)
                .then().statusCode(200).body("due", equalTo(today().plusDays(6).toString()));
    }

    /**
     * Contacts created through both instances reach each consumer group once: each projection has exactly one row per
     * contact, and each consumer's inbox exactly the ids of the events contacts-service wrote, once each. An interaction
     * logged moves the keep-in-touch day once.
     */
    @Test
    @Order(2)
    void eachEventIsAppliedOnceAcrossTheConsumerGroup() throws Exception {
        String workspace = "scale-once";
        String token = token(workspace, "once-user");
        int contacts = 40;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < contacts; i++) {
            ids.add(create(i % 2 == 0 ? a(Service.CONTACTS) : b(Service.CONTACTS), token, "{\"displayName\":\"Once " + i + "\"}"));
        }
        Set<String> events = awaitPublished(Service.CONTACTS, workspace, contacts);
        assertEquals(Set.of(ContactEventTypes.CREATED_V1),
                Set.copyOf(strings(Service.CONTACTS, "select type from outbox_event where workspace_id = ?", workspace)));
        for (Service consumer : CONSUMERS) {
            awaitAppliedOnce(consumer, consumer.database + CONTACT_PROJECTION, workspace, events, PROPAGATION);
            assertEquals(contacts, count(consumer, "select count(*) from contact_projection where workspace_id = ?", workspace),
                    consumer + " projects each contact once");
            assertEquals(Set.copyOf(ids), Set.copyOf(strings(consumer,
                    "select contact_id::text from contact_projection where workspace_id = ?", workspace)));
        }

        // An interaction logged moves the contact's keep-in-touch day, once.
        String contact = ids.get(0);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"contactId\":\"" + contact + "\",\"every\":\"P30D\"}")
                .post(b(Service.REMINDERS) + "/v1/cadences").then().statusCode(201);
        JsonPath keepInTouch = given().auth().oauth2(token)
                .get(a(Service.REMINDERS) + "/v1/reminders?kind=keep-in-touch&contact=" + contact)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, keepInTouch.getList("items").size());
        String reminder = keepInTouch.getString("items[0].id");
        long version = keepInTouch.getLong("items[0].version");
        assertEquals(today().plusDays(30).toString(), keepInTouch.getString("items[0].due"));

        LocalDate called = today().minusDays(10);
        String interaction = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"kind\":\"call\",\"occurredAt\":\"" + called + "T12:00:00Z\",\"participants\":[{\"contactId\":\"" + contact + "\"}]}")
                .post(a(Service.INTERACTIONS) + "/v1/interactions").then().statusCode(201).extract().path("id");
        Set<String> interactionEvents = awaitPublished(Service.INTERACTIONS, workspace, 1);
        awaitAppliedOnce(Service.REMINDERS, REMINDERS_INTERACTIONS, workspace, interactionEvents, PROPAGATION);
        for (String instance : List.of(a(Service.REMINDERS), b(Service.REMINDERS))) {
            given().auth().oauth2(token).get(instance + "/v1/reminders/" + reminder).then().statusCode(200)
                    .body("due", equalTo(called.plusDays(30).toString()))
                    .body("lastInteractionOn", equalTo(called.toString()))
                    .body("version", equalTo((int) version + 1));
        }
        assertEquals(1, count(Service.REMINDERS, "select count(*) from interaction_seen where workspace_id = ? and interaction_id::text = ?",
                workspace, interaction));
        awaitPublished(Service.REMINDERS, workspace, 2);
        assertEquals(List.of(ReminderEventTypes.CREATED_V1, ReminderEventTypes.UPDATED_V1), strings(Service.REMINDERS,
                "select type from outbox_event where workspace_id = ? and subject = ? order by seq", workspace, reminder),
                "the keep-in-touch was made once and moved once");
    }

    /**
     * Interaction events with one contact arriving on every partition at once (keyed by interaction, they spread over
     * the partitions; a relay catching up after an outage or a rebalance after a crash delivers them so): the reminders
     * instances apply them with several consumers in parallel. The keep-in-touch day must still count from the latest
     * of them, as the touches reminders-service recorded say. One contact per round, so the rounds' transactions share
     * one row and never deadlock (a deadlock's retry would apply them one after the other).
     */
    @Test
    @Order(3)
    void theKeepInTouchDayCountsFromTheLatestOfInteractionsAppliedInParallel() throws Exception {
        String workspace = "scale-touch";
        String token = token(workspace, "touch-user");
        int contacts = 24;
        List<String> ids = new ArrayList<>();
        for (int j = 0; j < contacts; j++) {
            ids.add(create(j % 2 == 0 ? a(Service.CONTACTS) : b(Service.CONTACTS), token, "{\"displayName\":\"Touched " + j + "\"}"));
        }
        awaitAppliedOnce(Service.REMINDERS, "reminders" + CONTACT_PROJECTION, workspace,
                awaitPublished(Service.CONTACTS, workspace, contacts), PROPAGATION);
        for (String contact : ids) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"contactId\":\"" + contact + "\",\"every\":\"P30D\"}")
                    .post(a(Service.REMINDERS) + "/v1/cadences").then().statusCode(201);
        }

        LocalDate latest = today().minusDays(1);
        List<String> events = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infrastructure().kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, "5"),
                new StringSerializer(), new StringSerializer())) {
            int partitions = producer.partitionsFor(InteractionEventTypes.TOPIC).size();
            for (int j = 0; j < contacts; j++) {
                // One interaction on each partition; the latest on a different one each round.
                for (int partition = 0; partition < partitions; partition++) {
                    LocalDate day = partition == j % partitions ? latest : latest.minusDays(1 + partition);
                    events.add(sendLogged(producer, workspace, partition, ids.get(j), day));
                }
                producer.flush();
                Thread.sleep(150);
            }
        }
        awaitAppliedOnce(Service.REMINDERS, REMINDERS_INTERACTIONS, workspace, Set.copyOf(events), PROPAGATION);

        Map<String, String> recorded = new TreeMap<>();
        Map<String, String> keptInTouch = new TreeMap<>();
        for (String contact : ids) {
            recorded.put(contact, strings(Service.REMINDERS, "select max(occurred_on)::text from interaction_touch "
                    + "where workspace_id = ? and contact_id::text = ?", workspace, contact).get(0));
            keptInTouch.put(contact, given().auth().oauth2(token)
                    .get(a(Service.REMINDERS) + "/v1/reminders?kind=keep-in-touch&contact=" + contact)
                    .then().statusCode(200).body("items.size()", equalTo(1)).extract().path("items[0].lastInteractionOn"));
        }
        Map<String, String> expected = new TreeMap<>();
        ids.forEach(contact -> expected.put(contact, latest.toString()));
        assertEquals(expected, recorded, "reminders-service recorded every touch");
        assertEquals(expected, keptInTouch, "each keep-in-touch counts from the contact's latest interaction");
    }

    /** An {@code interaction.logged.v1} as interactions-service's relay sends it (CloudEvents binary mode), on a partition. */
    private static String sendLogged(KafkaProducer<String, String> producer, String workspace, int partition, String contact,
                                     LocalDate day) {
        String interaction = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        ProducerRecord<String, String> record = new ProducerRecord<>(InteractionEventTypes.TOPIC, partition, interaction,
                "{\"interactionId\":\"" + interaction + "\",\"kind\":\"message\",\"occurredAt\":\"" + day
                        + "T09:00:00Z\",\"timeZone\":\"UTC\",\"initiatedBy\":\"me\",\"participants\":[\"" + contact
                        + "\"],\"followUp\":null,\"tags\":[],\"visibility\":\"workspace\",\"createdBy\":\"touch-user\","
                        + "\"source\":\"manual\",\"version\":0}");
        Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", InteractionEventTypes.LOGGED_V1,
                        "ce_source", InteractionEventTypes.SOURCE, "ce_subject", interaction,
                        "ce_time", java.time.Instant.now().toString(), "ce_workspaceid", workspace,
                        "content-type", "application/json")
                .forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        producer.send(record);
        return id;
    }

    /** Both relays race for the same outbox (writes through both instances at once): every row goes out once. */
    @Test
    @Order(4)
    void theOutboxPublishesEachEventOnceWithTwoRelays() throws Exception {
        String workspace = "scale-outbox";
        String token = token(workspace, "outbox-user");
        int perInstance = 20;
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> written = new ArrayList<>();
            for (String name : List.of("A", "B")) {
                String instance = name.equals("A") ? a(Service.CONTACTS) : b(Service.CONTACTS);
                written.add(writers.submit(() -> {
                    List<String> ids = new ArrayList<>();
                    for (int i = 0; i < perInstance; i++) {
                        ids.add(create(instance, token, "{\"displayName\":\"Relay " + name + " " + i + "\"}"));
                    }
                    return ids;
                }));
            }
            for (Future<List<String>> ids : written) {
                assertEquals(perInstance, ids.get(60, TimeUnit.SECONDS).size());
            }
        } finally {
            writers.shutdownNow();
        }
        Set<String> events = awaitPublished(Service.CONTACTS, workspace, 2 * perInstance);

        Map<String, Integer> onTopic = countById(records(ContactEventTypes.TOPIC, workspace));
        assertEquals(events, onTopic.keySet(), "each outbox row of the workspace is on the topic");
        assertEquals(Map.of(), duplicates(onTopic), "no event is on the topic twice");
    }

    /**
     * Imports sent to both instances, picked up by two workers that sweep every second: each job runs once, each row
     * makes exactly one contact.
     */
    @Test
    @Order(5)
    void eachImportRowCreatesOneContactWithTwoWorkers() throws Exception {
        String workspace = "scale-import";
        String token = token(workspace, "import-user");
        int files = 4;
        int cards = 10;
        List<String> jobs = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            StringBuilder vcf = new StringBuilder();
            for (int c = 0; c < cards; c++) {
                // Names only: nothing to match on, so a row applied twice would be a second contact.
                vcf.append("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Imported").append(f).append(";Card").append(c)
                        .append(";;;\r\nFN:Card").append(c).append(" Imported").append(f).append("\r\nEND:VCARD\r\n");
            }
            jobs.add(given().auth().oauth2(token).contentType("text/vcard").body(vcf.toString().getBytes(StandardCharsets.UTF_8))
                    .post((f % 2 == 0 ? a(Service.CONTACTS) : b(Service.CONTACTS)) + "/v1/imports")
                    .then().statusCode(202).extract().path("id"));
        }
        Set<String> contactIds = new HashSet<>();
        for (int f = 0; f < files; f++) {
            String job = jobs.get(f);
            String other = f % 2 == 0 ? b(Service.CONTACTS) : a(Service.CONTACTS);
            await().atMost(PROPAGATION).pollInterval(POLL).untilAsserted(() ->
                    given().auth().oauth2(token).get(other + "/v1/imports/" + job).then().statusCode(200)
                            .body("status", equalTo("succeeded")));
            JsonPath done = given().auth().oauth2(token).get(other + "/v1/imports/" + job).then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(Map.of("read", cards, "created", cards, "updated", 0, "skipped", 0, "failed", 0),
                    done.getMap("counts"), "job " + job);
            assertEquals(cards, done.getList("rows").size());
            assertEquals(List.of("created"), done.getList("rows.outcome").stream().distinct().toList());
            contactIds.addAll(done.getList("rows.contactId", String.class));
        }
        int all = files * cards;
        assertEquals(all, contactIds.size(), "one contact per row");
        assertEquals(all, count(Service.CONTACTS, "select count(*) from contact where workspace_id = ?", workspace));
        assertEquals(all, count(Service.CONTACTS, "select count(distinct display_name) from contact where workspace_id = ?", workspace));
        Set<String> events = awaitPublished(Service.CONTACTS, workspace, all);
        Map<String, Integer> onTopic = countById(records(ContactEventTypes.TOPIC, workspace));
        assertEquals(events, onTopic.keySet());
        assertEquals(Map.of(), duplicates(onTopic));
        for (Service consumer : CONSUMERS) {
            awaitAppliedOnce(consumer, consumer.database + CONTACT_PROJECTION, workspace, events, PROPAGATION);
            assertEquals(all, count(consumer, "select count(*) from contact_projection where workspace_id = ?", workspace));
        }
    }

    /** Two due schedulers ticking every second over the same reminders: each reminder is announced once. */
    @Test
    @Order(6)
    void eachReminderComingDueIsAnnouncedOnceWithTwoSchedulers() throws Exception {
        String workspace = "scale-due";
        String token = token(workspace, "due-user");
        int reminders = 12;
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < reminders; i++) {
            // Due today, no time: at the start of today (the owner's zone, UTC by default), so due now.
            ids.add(given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"text\":\"Due " + i + "\",\"due\":\"" + (i % 3 == 0 ? today().minusDays(1) : today()) + "\"}")
                    .post((i % 2 == 0 ? a(Service.REMINDERS) : b(Service.REMINDERS)) + "/v1/reminders")
                    .then().statusCode(201).extract().path("id"));
        }
        await().atMost(PROPAGATION).pollInterval(POLL).until(() -> count(Service.REMINDERS,
                "select count(*) from reminder where workspace_id = ? and announced_due_at = due_at", workspace) == reminders);
        // More ticks of both schedulers: a reminder announced twice would show now.
        Thread.sleep(3_000);
        Set<String> events = awaitPublished(Service.REMINDERS, workspace, 2 * reminders);

        Map<String, Integer> dueRows = new TreeMap<>();
        for (String subject : strings(Service.REMINDERS, "select subject from outbox_event where workspace_id = ? and type = ?",
                workspace, ReminderEventTypes.DUE_V1)) {
            dueRows.merge(subject, 1, Integer::sum);
        }
        assertEquals(ids, dueRows.keySet(), "every reminder came due");
        assertEquals(Map.of(), duplicates(dueRows), "no reminder was announced twice");

        List<ConsumerRecord<String, String>> onTopic = records(ReminderEventTypes.TOPIC, workspace);
        assertEquals(events, countById(onTopic).keySet());
        assertEquals(Map.of(), duplicates(countById(onTopic)));
        Map<String, Integer> dueByReminder = new TreeMap<>();
        onTopic.stream().filter(r -> ReminderEventTypes.DUE_V1.equals(TestEvents.header(r, "ce_type")))
                .forEach(r -> dueByReminder.merge(r.key(), 1, Integer::sum));
        assertEquals(ids, dueByReminder.keySet());
        assertEquals(Map.of(), duplicates(dueByReminder), "reminder.due.v1 went out once per reminder");
    }

    /**
     * A calendar subscription with both pollers running every half second: each poll is one replica's (fetches at least
     * the poll interval apart, never two at once), and its meeting is logged once.
     */
    @Test
    @Order(7)
    void aCalendarSubscriptionIsPolledByOneReplicaAtATime() throws Exception {
        String workspace = "scale-calendar";
        String token = token(workspace, "calendar-user");
        String contact = create(a(Service.CONTACTS), token,
                "{\"displayName\":\"Annie Easley\",\"emails\":[{\"address\":\"annie@example.org\"}]}");
        awaitProjected(token, contact);

        String day = today().minusDays(2).toString().replace("-", "");
        byte[] ics = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rapport//ScaleOutIT//EN\r\n"
                + "BEGIN:VEVENT\r\nUID:scale-out-standup@example.org\r\nDTSTAMP:" + day + "T080000Z\r\n"
                + "DTSTART:" + day + "T100000Z\r\nDTEND:" + day + "T103000Z\r\nSUMMARY:Centaur rocket review\r\n"
                + "ORGANIZER:mailto:me@example.com\r\nATTENDEE:mailto:annie@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
                .getBytes(StandardCharsets.UTF_8);
        List<Long> fetches = new CopyOnWriteArrayList<>();
        HttpServer calendar = HttpServer.create(new InetSocketAddress(0), 0);
        calendar.createContext("/calendar.ics", exchange -> {
            fetches.add(System.nanoTime());
            exchange.getResponseHeaders().add("Content-Type", "text/calendar");
            exchange.sendResponseHeaders(200, ics.length);
            exchange.getResponseBody().write(ics);
            exchange.close();
        });
        calendar.start();
        try {
            long since = System.nanoTime();
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body("{\"url\":\"http://localhost:" + calendar.getAddress().getPort() + "/calendar.ics\",\"name\":\"Work\","
                            + "\"visibility\":\"workspace\"}")
                    .post(b(Service.INTERACTIONS) + "/v1/calendar-sources").then().statusCode(201);
            // Long enough for 4-5 polls, so a poll delayed by a busy machine still leaves 3.
            Duration watched = Duration.ofSeconds(10);
            Thread.sleep(watched.toMillis());
            List<Long> seen = List.copyOf(fetches);
            long maximum = watched.dividedBy(CALENDAR_POLL_INTERVAL) + 1;
            assertTrue(seen.size() >= 3 && seen.size() <= maximum,
                    "every " + CALENDAR_POLL_INTERVAL.toSeconds() + " s over " + watched.toSeconds() + " s: " + seen.size() + " fetches");
            for (int i = 1; i < seen.size(); i++) {
                long gap = TimeUnit.NANOSECONDS.toMillis(seen.get(i) - seen.get(i - 1));
                assertTrue(gap >= CALENDAR_POLL_INTERVAL.toMillis() - 200,
                        "fetch " + i + " came " + gap + " ms after the one before: two replicas polled the same subscription");
            }
            assertTrue(TimeUnit.NANOSECONDS.toMillis(seen.get(0) - since) < 3_000, "the first poll came promptly");
        } finally {
            calendar.stop(0);
        }
        for (String instance : List.of(a(Service.INTERACTIONS), b(Service.INTERACTIONS))) {
            given().auth().oauth2(token).get(instance + "/v1/contacts/" + contact + "/timeline").then().statusCode(200)
                    .body("items.size()", equalTo(1)).body("items[0].summary", equalTo("Centaur rocket review"));
        }
        assertEquals(1, count(Service.INTERACTIONS, "select count(*) from interaction where workspace_id = ?", workspace));
        assertEquals(1, strings(Service.INTERACTIONS, "select id::text from outbox_event where workspace_id = ?", workspace).size(),
                "one interaction.logged.v1, and nothing for the polls that found the meeting unchanged");
    }

    /**
     * A load of contacts (through both contacts instances) and interactions (through both interactions instances); a
     * third of the way in, one instance of every service is SIGKILLed. Whatever the client did not get an answer for is
     * retried with its Idempotency-Key at the survivor. Afterwards every write is there once, readable, and applied
     * exactly once by each consumer.
     */
    @Test
    @Order(8)
    void killingOneInstanceOfEachServiceMidLoadLosesNothing() throws Exception {
        String workspace = "scale-kill";
        String token = token(workspace, "kill-user");
        String anchor = create(a(Service.CONTACTS), token, "{\"displayName\":\"Katherine Johnson\"}");
        awaitProjected(token, anchor);
        await().atMost(PROPAGATION).pollInterval(POLL).untilAsserted(() -> given().auth().oauth2(token)
                .get(a(Service.REMINDERS) + Service.REMINDERS.summaryPath(anchor)).then().statusCode(200));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"contactId\":\"" + anchor + "\",\"every\":\"P30D\"}")
                .post(a(Service.REMINDERS) + "/v1/cadences").then().statusCode(201);

        int contacts = 60;
        int interactions = 20;
        CountDownLatch underWay = new CountDownLatch(contacts / 3);
        Map<String, Boolean> killed = new ConcurrentHashMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(2);
        Future<Map<Integer, String>> contactWrites = clients.submit(() -> load(contacts, token, Service.CONTACTS, "/v1/contacts",
                killed, underWay, i -> "{\"displayName\":\"Survivor " + i + "\"}"));
        Future<Map<Integer, String>> interactionWrites = clients.submit(() -> load(interactions, token, Service.INTERACTIONS,
                "/v1/interactions", killed, null, i -> "{\"kind\":\"message\",\"occurredAt\":\"" + today().minusDays(interactions - i)
                        + "T09:00:00Z\",\"summary\":\"Orbit " + i + "\",\"participants\":[{\"contactId\":\"" + anchor + "\"}]}"));
        try {
            assertTrue(underWay.await(60, TimeUnit.SECONDS), "the load started");
            for (Service service : Service.values()) {
                ProcessHandle.of(second.get(service).pid()).orElseThrow().destroyForcibly();
                killed.put(b(service), true);
            }
            for (Service service : Service.values()) {
                assertTrue(ProcessHandle.of(second.get(service).pid()).map(p -> p.onExit().thenApply(x -> true))
                        .map(exit -> exit.completeOnTimeout(false, 10, TimeUnit.SECONDS).join()).orElse(true),
                        service + "'s second instance is gone");
            }
            Map<Integer, String> contactIds = contactWrites.get(90, TimeUnit.SECONDS);
            Map<Integer, String> interactionIds = interactionWrites.get(90, TimeUnit.SECONDS);

            // Every write acknowledged, once: no retry made a second contact or interaction.
            assertEquals(contacts, contactIds.size());
            assertEquals(contacts, Set.copyOf(contactIds.values()).size());
            assertEquals(contacts + 1, count(Service.CONTACTS, "select count(*) from contact where workspace_id = ?", workspace));
            assertEquals(interactions, Set.copyOf(interactionIds.values()).size());
            assertEquals(interactions, count(Service.INTERACTIONS, "select count(*) from interaction where workspace_id = ?", workspace));
            for (String id : contactIds.values()) {
                given().auth().oauth2(token).get(a(Service.CONTACTS) + "/v1/contacts/" + id).then().statusCode(200);
            }
            for (String id : interactionIds.values()) {
                given().auth().oauth2(token).get(a(Service.INTERACTIONS) + "/v1/interactions/" + id).then().statusCode(200);
            }

            // Published by the survivors' relays (whatever the killed ones left), applied once by the surviving consumers.
            Set<String> contactEvents = awaitPublished(Service.CONTACTS, workspace, contacts + 1);
            Set<String> interactionEvents = awaitPublished(Service.INTERACTIONS, workspace, interactions);
            for (Service consumer : CONSUMERS) {
                awaitAppliedOnce(consumer, consumer.database + CONTACT_PROJECTION, workspace, contactEvents, AFTER_A_KILL);
                assertEquals(contacts + 1, count(consumer, "select count(*) from contact_projection where workspace_id = ?", workspace));
                assertTrue(Set.copyOf(strings(consumer, "select contact_id::text from contact_projection where workspace_id = ?",
                        workspace)).containsAll(contactIds.values()));
            }
            awaitAppliedOnce(Service.REMINDERS, REMINDERS_INTERACTIONS, workspace, interactionEvents, AFTER_A_KILL);
            assertEquals(interactions, count(Service.REMINDERS, "select count(*) from interaction_seen where workspace_id = ?", workspace));
            assertEquals(interactions, count(Service.REMINDERS, "select count(*) from interaction_touch where workspace_id = ?", workspace));
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * Writes {@code count} resources, alternating between the two instances of {@code service} while both live, each
     * POST with an Idempotency-Key; a request without an answer (its instance killed) is retried with the same key at
     * the first instance. Counts down {@code progress} per acknowledged write.
     *
     * @return the id each write got, by its number
     */
    private static Map<Integer, String> load(int count, String token, Service service, String path, Map<String, Boolean> killed,
                                             CountDownLatch progress, IntFunction<String> body) throws Exception {
        Map<Integer, String> ids = new TreeMap<>();
        String key = "load-" + service.database + "-";
        for (int i = 0; i < count; i++) {
            String instance = i % 2 == 0 || killed.containsKey(b(service)) ? a(service) : b(service);
            HttpRequest request = HttpRequest.newBuilder(URI.create(instance + path))
                    .timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", key + i)
                    .POST(HttpRequest.BodyPublishers.ofString(body.apply(i))).build();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // No answer: the instance died with the request. Retry at the survivor, as a client behind a balancer would.
                response = http.send(HttpRequest.newBuilder(request, (name, value) -> true)
                        .uri(URI.create(a(service) + path)).build(), HttpResponse.BodyHandlers.ofString());
            }
            assertEquals(201, response.statusCode(), "write " + i + " at " + instance + ": " + response.body());
            ids.put(i, JsonPath.from(response.body()).getString("id"));
            if (progress != null) {
                progress.countDown();
            }
            Thread.sleep(20);
        }
        return ids;
    }

    private static String token(String workspace, String user) {
        return Tokens.sign(Tokens.Spec.of(workspace, user, "member"), stack.keys().privateKey());
    }

    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    private static String create(String instance, String token, String json) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(json)
                .post(instance + "/v1/contacts").then().statusCode(201).extract().path("id");
    }

    /** The contact is in interactions-service's projection (one database: both instances see it). */
    private static void awaitProjected(String token, String contact) {
        await().atMost(PROPAGATION).pollInterval(POLL).untilAsserted(() -> given().auth().oauth2(token)
                .get(b(Service.INTERACTIONS) + Service.INTERACTIONS.summaryPath(contact)).then().statusCode(200));
    }

    /**
     * Waits until {@code expected} events of the workspace are in {@code producer}'s outbox and all of them published.
     *
     * @return their ids
     */
    private static Set<String> awaitPublished(Service producer, String workspace, int expected) throws Exception {
        await().atMost(PROPAGATION).pollInterval(POLL).until(() -> count(producer,
                "select count(*) from outbox_event where workspace_id = ? and published_at is not null", workspace) >= expected
                && count(producer, "select count(*) from outbox_event where workspace_id = ? and published_at is null", workspace) == 0);
        List<String> ids = strings(producer, "select id::text from outbox_event where workspace_id = ?", workspace);
        assertEquals(expected, ids.size(), producer + " wrote " + ids.size() + " events for " + workspace);
        return Set.copyOf(ids);
    }

    /**
     * Waits until {@code consumer} has recorded every one of {@code events} in its inbox, then checks it recorded each
     * exactly once and nothing else of the workspace.
     */
    private static void awaitAppliedOnce(Service service, String consumer, String workspace, Set<String> events,
                                         Duration timeout) throws Exception {
        String sql = "select event_id from inbox_event where consumer = ? and workspace_id = ?";
        await().atMost(timeout).pollInterval(POLL).until(() -> strings(service, sql, consumer, workspace).containsAll(events));
        List<String> inbox = strings(service, sql, consumer, workspace);
        assertEquals(events.size(), inbox.size(), consumer + " recorded " + inbox.size() + " events of " + workspace);
        assertEquals(events, Set.copyOf(inbox), consumer + " recorded exactly the events that were published");
    }

    /** Every record of the workspace on the topic, read from the beginning up to its current end. */
    private static List<ConsumerRecord<String, String>> records(String topic, String workspace) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.infrastructure().kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + PROPAGATION.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read " + topic + " to its end " + end);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    if (workspace.equals(TestEvents.header(record, "ce_workspaceid"))) {
                        records.add(record);
                    }
                }
            }
        }
        return records;
    }

    private static Map<String, Integer> countById(Collection<ConsumerRecord<String, String>> records) {
        Map<String, Integer> counts = new HashMap<>();
        records.forEach(record -> counts.merge(TestEvents.header(record, "ce_id"), 1, Integer::sum));
        return counts;
    }

    private static Map<String, Integer> duplicates(Map<String, Integer> counts) {
        return counts.entrySet().stream().filter(e -> e.getValue() != 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static long count(Service database, String sql, Object... parameters) throws Exception {
        return Long.parseLong(strings(database, sql, parameters).get(0));
    }

    private static List<String> strings(Service database, String sql, Object... parameters) throws Exception {
        try (Connection connection = DriverManager.getConnection(
                stack.infrastructure().postgres().jdbcUrl(database.database), "postgres", "");
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
            return values;
        }
    }
}
