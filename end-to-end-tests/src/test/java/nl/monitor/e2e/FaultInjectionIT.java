package nl.monitor.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.monitor.demo.DemoCohorts;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.client.reporting.api.ReadModelApi;
import nl.monitor.client.survey.api.OutboxApi;
import nl.monitor.client.survey.model.ParkedRow;
import nl.monitor.testsupport.KafkaProcess;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.PipelineCounts;
import nl.monitor.testsupport.PipelineState;
import nl.monitor.testsupport.Platform;
import nl.monitor.testsupport.PostgresServer;
import nl.monitor.testsupport.ServiceProcess;
import nl.monitor.testsupport.SubmissionLoad;
import nl.monitor.testsupport.SubmissionLoad.Offer;
import nl.monitor.testsupport.SubmissionLoad.Result;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.TopicReader;
import nl.monitor.testsupport.WebhookReceiver;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Zero loss under faults: the four packaged services (two instances of the scoring-service and of the
 * reporting-service, sharing their partitions) against a Kafka broker and a PostgreSQL of this test's own, as
 * processes it can stop and start. Each test offers a burst of {@value #BURST} assessments of a year of its own
 * through the public API while it injects one fault, waits until the platform is quiet (outboxes empty, no consumer
 * lag, no delivery pending), and counts from the databases and topics: every accepted submission stored once per
 * version, scored exactly once and reported, every crossing one alert, every delivery sent with its stable id, the
 * dead-letter topics holding only the poison records. A table of the counts is printed at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {

    private static final Path ROOT = RunningPlatform.ROOT;
    private static final Path WORK = ROOT.resolve("end-to-end-tests/target/fault-injection");
    private static final int BURST = 1_000;
    private static final int CONNECTIONS = 8;
    private static final Duration QUIET = Duration.ofMinutes(3);
    private static final String SECRET = "fault-injection-webhook-secret";
    private static final List<String> DEAD_LETTER_TOPICS = List.of("scoring-service.survey-submitted.dlq",
            "reporting-service.survey-submitted.dlq", "reporting-service.score-computed.dlq",
            "notification-service.threshold-crossed.dlq");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static KafkaProcess kafka;
    private static Admin admin;
    private static PostgresServer postgres;
    private static Platform platform;
    private static int receiverPort;
    private static WebhookReceiver receiver;
    private static final List<WebhookReceiver.Call> calls = new CopyOnWriteArrayList<>();
    private static final List<String> table = new ArrayList<>();

    private final MunicipalityDivision division = MunicipalityDivision.shipped();
    private final DemoCohorts cohorts = DemoCohorts.standard();

    @BeforeAll
    static void startPlatform() throws Exception {
        kafka = KafkaProcess.start(WORK.resolve("kafka"));
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        postgres = PostgresServer.own(WORK.resolve("postgres"));
        Map<String, String> config = new LinkedHashMap<>(MonitorInfrastructure.config(kafka.bootstrapServers(), postgres));
        config.put("monitor.consumer.backoff-max", "2s");
        config.put("notification.delivery.initial-backoff", "1s");
        config.put("notification.delivery.max-backoff", "4s");
        config.put("notification.delivery.max-attempts", "1000");
        config.put("notification.delivery.poll-interval", "500ms");
        platform = Platform.start(ROOT, config, Map.of("scoring-service", 2, "reporting-service", 2), false,
                WORK.resolve("service-logs"));
        receiverPort = Platform.freePort();
        receiver = new WebhookReceiver(receiverPort, SECRET, calls::add);
        for (String region : MunicipalityDivision.shipped().all().stream().map(Municipality::region)
                .collect(Collectors.toCollection(java.util.TreeSet::new))) {
            Clients.subscribeWebhook(platform, region, receiver.url(), SECRET, "fault injection");
        }
        table.add(String.format("%-44s %7s %8s %7s %7s %8s %8s %9s %10s %4s", "fault", "offered", "accepted",
                "stored", "scored", "reported", "alerted", "delivered", "duplicates", "DLQ"));
    }

    @AfterAll
    static void stopPlatform() {
        System.out.println("\n[fault-injection] " + String.join("\n[fault-injection] ", table) + "\n");
        if (receiver != null) {
            receiver.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (admin != null) {
            admin.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void kill_9_of_the_survey_service_mid_burst() throws Exception {
        killMidBurst("survey-service", 2061);
    }

    @Test
    @Order(2)
    void kill_9_of_one_scoring_service_instance_mid_burst() throws Exception {
        killMidBurst("scoring-service", 2062);
    }

    @Test
    @Order(3)
    void sigterm_of_one_scoring_service_instance_mid_burst_drains_and_hands_over_without_redelivery() throws Exception {
        String instance = "scoring-service-2";
        double redeliveredBefore = redelivered("scoring-service");
        boolean[] endedByItself = new boolean[1];
        Path[] stoppedLog = new Path[1];
        Round round = burst("SIGTERM " + instance + ", restarted at once", 2075, () -> {
            ServiceProcess stopping = platform.service(instance);
            stoppedLog[0] = stopping.log();
            endedByItself[0] = stopping.stop();
            platform.restart(instance, Map.of());
        });
        round.check(0, false);
        assertThat(endedByItself[0]).as(instance + " ended by itself after SIGTERM (no SIGKILL)").isTrue();
        assertThat(java.nio.file.Files.readString(stoppedLog[0])).as("the stopped instance's log")
                .contains("The consumer stopped").doesNotContain("did not finish its batch");
        // The batch in hand was finished and its offsets committed: nobody processed any of it again.
        assertThat(redelivered("scoring-service") - redeliveredBefore + redelivered(instance))
                .as("survey-submitted events processed again after the handover").isZero();
    }

    /** Events of survey-submitted an instance found already processed since it started (redeliveries). */
    private static double redelivered(String instance) throws Exception {
        return consumerEvents(platform.service(instance), "DUPLICATE");
    }

    private static double consumerEvents(ServiceProcess instance, String outcome) throws Exception {
        String metrics = Api.get(instance.managementUrl() + "/q/metrics", null).body();
        return metrics.lines().filter(line -> line.startsWith("monitor_consumer_events_total{")
                        && line.contains("outcome=\"" + outcome + "\"") && line.contains("topic=\"survey-submitted\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    @Order(4)
    void kill_9_of_one_reporting_service_instance_mid_burst() throws Exception {
        killMidBurst("reporting-service-2", 2063);
    }

    @Test
    @Order(5)
    void kill_9_of_the_notification_service_mid_burst() throws Exception {
        killMidBurst("notification-service", 2064);
    }

    @Test
    @Order(6)
    void postgresql_stopped_for_30_seconds() throws Exception {
        Round round = burst("PostgreSQL stopped 30 s", 2065, () -> {
            postgres.stop();
            awaitDuration(Duration.ofSeconds(30));
            postgres.start();
        });
        round.check(0, false);
        assertThat(round.statuses().keySet()).as("answers while the database was away: accepted, or 503 to retry")
                .isSubsetOf(201, 503);
    }

    @Test
    @Order(7)
    void kafka_stopped_for_30_seconds() throws Exception {
        Round round = burst("Kafka broker stopped 30 s", 2066, () -> {
            kafka.stop();
            awaitDuration(Duration.ofSeconds(30));
            kafka.start();
        });
        round.check(0, false);
    }

    @Test
    @Order(8)
    void webhook_receiver_down_for_60_seconds() throws Exception {
        receiver.close();
        long downSince = System.nanoTime();
        Round round = burst("webhook receiver down 60 s", 2067, () -> {
            awaitDuration(Duration.ofSeconds(60).minusNanos(System.nanoTime() - downSince));
            receiver = new WebhookReceiver(receiverPort, SECRET, calls::add);
        });
        round.check(0, false);
        assertThat(round.counts.delivered()).as("alerts delivered after the receiver came back").isPositive();
    }

    @Test
    @Order(9)
    void a_poison_record_on_each_topic_is_dead_lettered_alone() throws Exception {
        Round round = burst("poison record on each topic", 2068, () -> {
            try (KafkaProducer<String, String> producer = producer()) {
                producer.send(new ProducerRecord<>("survey-submitted", "GM0344", "{not json")).get();
                producer.send(new ProducerRecord<>("score-computed", "GM0344", "{\"type\": \"no.such.type\"}")).get();
                producer.send(new ProducerRecord<>("threshold-crossed", "GM0344", "")).get();
            }
        });
        // survey-submitted is read by the scoring- and the reporting-service: one dead letter each
        round.check(4, false);
    }

    @Test
    @Order(10)
    void an_oversized_submission_is_refused_and_an_oversized_outbox_row_is_parked() throws Exception {
        String huge = Api.write(cohorts.random("GM0363", 2069, new Random(1))).replaceFirst("\"extras\":\\{",
                "\"extras\":{\"cooperationExplanation\":\"" + "x".repeat(300_000) + "\",");
        // Plain HTTP on purpose: a body past the limit, which the generated client's models would not make.
        HttpResponse<String> refused = Api.post(platform.url("survey-service") + "/api/submissions",
                TestTokens.respondent("GM0363"), huge);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(413);

        Round round = burst("oversized submission and outbox row", 2069, () -> {
            try (Connection db = postgres.connect(); PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO survey.outbox_event (event_id, topic, record_key, payload) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, "oversized-" + System.nanoTime());
                insert.setString(2, "survey-submitted");
                insert.setString(3, "GM0363");
                insert.setString(4, "x".repeat(2 * 1024 * 1024));
                insert.executeUpdate();
            }
        });
        round.check(0, false);
        List<ParkedRow> rows = new OutboxApi(Clients.survey(platform, TestTokens.admin())).listParkedOutboxRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getReason()).contains("RecordTooLargeException");
        try (Connection db = postgres.connect()) {
            db.createStatement().executeUpdate("DELETE FROM survey.outbox_event WHERE parked_at IS NOT NULL");
        }
    }

    @Test
    @Order(11)
    void the_same_events_delivered_twice_have_no_second_effect() throws Exception {
        Round round = burst("every event of the burst delivered twice", 2070, () -> { });
        round.check(0, false);
        Counts before = round.counts;
        try (KafkaProducer<String, String> producer = producer()) {
            for (String topic : List.of("survey-submitted", "score-computed", "threshold-crossed")) {
                for (ConsumerRecord<String, String> record : TopicReader.readAll(kafka.bootstrapServers(), topic)) {
                    if (record.value() != null && record.value().contains("\"year\":2070")) {
                        ProducerRecord<String, String> again = new ProducerRecord<>(topic, record.key(), record.value());
                        record.headers().forEach(h -> again.headers().add(h));
                        producer.send(again);
                    }
                }
            }
            producer.flush();
        }
        awaitQuiet();
        Counts after = counts(2070, round.accepted);
        assertThat(after).isEqualTo(before);
    }

    @Test
    @Order(12)
    void a_rebuild_refuses_when_retention_removed_history() throws Exception {
        TopicPartition first = new TopicPartition("score-computed", 0);
        long end = admin.listOffsets(Map.of(first, OffsetSpec.latest())).all().get(10, TimeUnit.SECONDS).get(first)
                .offset();
        assertThat(end).as("records in score-computed-0").isPositive();
        admin.deleteRecords(Map.of(first, RecordsToDelete.beforeOffset(1))).all().get(10, TimeUnit.SECONDS);
        long before;
        try (Connection db = postgres.connect()) {
            before = count(db, "SELECT count(*) FROM reporting.municipality_score");
        }

        nl.monitor.client.reporting.ApiException refused = catchThrowableOfType(
                () -> new ReadModelApi(Clients.reporting(platform, TestTokens.admin())).rebuildReadModel(null),
                nl.monitor.client.reporting.ApiException.class);
        assertThat(refused.getCode()).as(refused.getResponseBody()).isEqualTo(409);
        assertThat(Clients.read(refused.getResponseBody(), nl.monitor.client.reporting.model.Problem.class).getDetail())
                .contains("score-computed no longer starts at offset 0").contains("force=true");
        try (Connection db = postgres.connect()) {
            assertThat(count(db, "SELECT count(*) FROM reporting.municipality_score")).isEqualTo(before);
        }
    }

    // --- the scenarios -------------------------------------------------------------------------------------------

    private void killMidBurst(String instance, int year) throws Exception {
        Round round = burst("kill -9 " + instance + ", restarted after 5 s", year, () -> {
            platform.kill(instance);
            awaitDuration(Duration.ofSeconds(5));
            long restart = System.nanoTime();
            platform.restart(instance, Map.of());
            System.out.printf("[fault-injection] %s ready again %.1f s after its restart%n", instance,
                    (System.nanoTime() - restart) / 1e9);
        });
        // A webhook call whose acknowledgement the killed notification-service never recorded is sent again with
        // the same webhook-id (at least once, deduplicated by the id); no other fault may repeat a call.
        round.check(0, instance.startsWith("notification-service"));
    }

    /** Offers the burst of a year, injects the fault when a fifth of it is stored, then waits until all is quiet. */
    private Round burst(String fault, int year, Fault inject) throws Exception {
        Map<String, Long> deadLettersBefore = deadLetterCounts();
        List<Offer> offers = offers(year);
        SubmissionLoad load = new SubmissionLoad(platform.url("survey-service"));
        CompletableFuture<List<Result>> offered = CompletableFuture.supplyAsync(() -> {
            try {
                return load.offer(offers, CONNECTIONS);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Awaitility.await("a fifth of the burst stored").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> offered.isDone() || stored(year) >= BURST / 5);
        inject.run();
        List<Result> results = offered.get(5, TimeUnit.MINUTES);
        awaitQuiet();
        Set<String> accepted = results.stream().filter(Result::accepted).map(Result::submissionId)
                .collect(Collectors.toSet());
        Map<Integer, Long> statuses = results.stream().collect(
                Collectors.groupingBy(Result::status, java.util.TreeMap::new, Collectors.counting()));
        System.out.printf("[fault-injection] %s: answers %s%s%n", fault, statuses,
                results.stream().filter(r -> !r.accepted()).findFirst().map(r -> ", e.g. " + r.error()).orElse(""));
        Counts counts = counts(year, accepted);
        Map<String, Long> deadLettersAfter = deadLetterCounts();
        long deadLetters = deadLettersAfter.entrySet().stream()
                .mapToLong(e -> e.getValue() - deadLettersBefore.getOrDefault(e.getKey(), 0L)).sum();
        table.add(String.format("%-44s %7d %8d %7d %7d %8d %8d %9d %10d %4d", fault, offers.size(), accepted.size(),
                counts.stored(), counts.scored(), counts.reported(), counts.alerts(), counts.delivered(),
                counts.duplicateScores() + counts.duplicateAlerts() + counts.duplicateCalls(), deadLetters));
        return new Round(year, accepted, counts, deadLetters, statuses);
    }

    private List<Offer> offers(int year) {
        List<Municipality> municipalities = division.all();
        Random random = new Random(year);
        List<Offer> offers = new ArrayList<>(BURST);
        for (int i = 0; i < BURST; i++) {
            String code = municipalities.get(random.nextInt(municipalities.size())).code();
            offers.add(new Offer(code, year, Api.write(cohorts.random(code, year, random))));
        }
        return offers;
    }

    @FunctionalInterface
    private interface Fault {
        void run() throws Exception;
    }

    private record Round(int year, Set<String> accepted, Counts counts, long deadLetters,
                         Map<Integer, Long> statuses) {

        /** The invariants every fault must leave intact. */
        void check(long expectedDeadLetters, boolean callsMayRepeat) {
            assertThat(accepted).as("accepted submissions").isNotEmpty();
            assertThat(counts.acceptedStored()).as("every accepted submission is stored").isEqualTo(accepted.size());
            assertThat(counts.stored()).as("stored submissions").isGreaterThanOrEqualTo(accepted.size());
            assertThat(counts.versionsStoredTwice()).as("a version stored twice").isZero();
            assertThat(counts.scored()).as("every stored submission scored").isEqualTo(counts.stored());
            assertThat(counts.duplicateScores()).as("a submission scored twice").isZero();
            assertThat(counts.versionsOutOfOrder()).as("versions of a municipality scored out of order").isZero();
            assertThat(counts.reported()).as("the current version of every municipality reported")
                    .isEqualTo(counts.municipalities());
            assertThat(counts.alerts()).as("one alert per crossing").isEqualTo(counts.crossings());
            assertThat(counts.duplicateAlerts()).as("a crossing alerted twice").isZero();
            assertThat(counts.undelivered()).as("deliveries not delivered").isZero();
            assertThat(counts.callIds()).as("every delivery reached the receiver with its id")
                    .isEqualTo(counts.delivered());
            if (!callsMayRepeat) {
                assertThat(counts.duplicateCalls()).as("a delivery called twice").isZero();
            }
            assertThat(deadLetters).as("dead letters").isEqualTo(expectedDeadLetters);
        }
    }

    // --- counting ------------------------------------------------------------------------------------------------

    /** What the platform holds for one year, counted from its databases, its topics and the receiver. */
    record Counts(long stored, long acceptedStored, long versionsStoredTwice, long municipalities, long scored,
                  long duplicateScores, long versionsOutOfOrder, long reported, long crossings, long alerts,
                  long duplicateAlerts, long delivered, long undelivered, long callIds, long duplicateCalls) {
    }

    private Counts counts(int year, Set<String> accepted) throws SQLException {
        try (Connection db = postgres.connect()) {
            long stored = PipelineCounts.stored(db, year);
            long acceptedStored;
            try (PreparedStatement query = db.prepareStatement(
                    "SELECT count(*) FROM survey.submission WHERE id = ANY (?::uuid[])")) {
                query.setArray(1, db.createArrayOf("text", accepted.toArray()));
                acceptedStored = single(query);
            }
            long versionsStoredTwice = count(db, "SELECT count(*) - count(DISTINCT (municipality, version)) "
                    + "FROM survey.submission WHERE year = ?", year);
            long municipalities = PipelineCounts.municipalities(db, year);
            long scored = PipelineCounts.scoredSubmissions(db, year);
            long duplicateScores = PipelineCounts.duplicateScores(db, year);
            long outOfOrder = count(db, "SELECT count(*) FROM (SELECT submission_version, lag(submission_version) "
                    + "OVER (PARTITION BY municipality ORDER BY computed_at) AS before FROM scoring.score "
                    + "WHERE year = ?) s WHERE submission_version < before", year);
            long reported = PipelineCounts.currentVersionsReported(db, year);
            long alerts = count(db, "SELECT count(DISTINCT crossing_id) FROM notification.alert WHERE year = ?", year);
            long duplicateAlerts = count(db, "SELECT count(*) - count(DISTINCT crossing_id) FROM notification.alert "
                    + "WHERE year = ?", year);
            long delivered = count(db, "SELECT count(*) FROM notification.delivery d JOIN notification.alert a "
                    + "ON a.id = d.alert_id WHERE a.year = ? AND d.status = 'DELIVERED'", year);
            long undelivered = count(db, "SELECT count(*) FROM notification.delivery d JOIN notification.alert a "
                    + "ON a.id = d.alert_id WHERE a.year = ? AND d.status <> 'DELIVERED'", year);
            Set<String> crossings = new HashSet<>();
            for (ConsumerRecord<String, String> record : TopicReader.readAll(kafka.bootstrapServers(),
                    "threshold-crossed")) {
                JsonNode data = readTree(record.value()).path("data");
                if (data.path("year").asInt() == year) {
                    crossings.add(data.path("crossingId").asText());
                }
            }
            List<WebhookReceiver.Call> ofYear = calls.stream()
                    .filter(call -> readTree(call.body()).path("year").asInt() == year).toList();
            long callIds = ofYear.stream().map(WebhookReceiver.Call::id).distinct().count();
            return new Counts(stored, acceptedStored, versionsStoredTwice, municipalities, scored, duplicateScores,
                    outOfOrder, reported, crossings.size(), alerts, duplicateAlerts, delivered, undelivered, callIds,
                    ofYear.size() - callIds);
        }
    }

    private long stored(int year) throws SQLException {
        try (Connection db = postgres.connect()) {
            return PipelineCounts.stored(db, year);
        }
    }

    /** Waits until everything offered so far has gone all the way through (see {@link PipelineState}). */
    private void awaitQuiet() {
        Awaitility.await("the platform quiet").atMost(QUIET).pollInterval(Duration.ofMillis(500))
                .ignoreExceptions().until(() -> {
                    try (Connection db = postgres.connect()) {
                        return PipelineState.quiet(db, admin);
                    }
                });
    }

    private static Map<String, Long> deadLetterCounts() {
        Map<String, Long> counts = new HashMap<>();
        try {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            for (String topic : DEAD_LETTER_TOPICS) {
                counts.put(topic, existing.contains(topic)
                        ? (long) TopicReader.readAll(kafka.bootstrapServers(), topic).size() : 0L);
            }
            return counts;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
    }

    private static long count(Connection db, String sql, Object... parameters) throws SQLException {
        return PipelineCounts.count(db, sql, parameters);
    }

    private static long single(PreparedStatement query) throws SQLException {
        try (ResultSet result = query.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private static JsonNode readTree(String json) {
        try {
            return json == null || json.isBlank() ? JSON.nullNode() : JSON.readTree(json);
        } catch (Exception e) {
            return JSON.nullNode();
        }
    }

    /** A fault that lasts this long: the test waits it out with a deadline, not a sleep. */
    private static void awaitDuration(Duration duration) {
        long end = System.nanoTime() + Math.max(0, duration.toNanos());
        Awaitility.await().atMost(duration.plusSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> System.nanoTime() >= end);
    }
}
