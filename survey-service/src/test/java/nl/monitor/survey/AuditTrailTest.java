package nl.monitor.survey;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import nl.monitor.contracts.AuditRecorded;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.messaging.audit.AuditTrail;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.PostgresServer;
import nl.monitor.testsupport.RawHttp;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static nl.monitor.survey.SubmissionResourceTest.assessment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The survey-service's changes in the audit trail: a submission, an import (its rows and the import), opening, closing
 * and reopening a wave each publish one audit-recorded event with who, from where and what, in the transaction of the
 * change — a change that rolls back publishes none. The years 2076-2078 are this test's own.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class AuditTrailTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private final EventCodec codec = new EventCodec();
    private final ObjectMapper json = EventCodec.newMapper();

    @TestHTTPResource("/")
    URL baseUrl;
    private TopicReader audit;

    @Inject
    AuditTrail trail;

    @BeforeEach
    void readAudit() {
        audit = new TopicReader(EventType.AUDIT_RECORDED.topic());
    }

    @AfterEach
    void closeReader() {
        audit.close();
    }

    private CloudEvent<AuditRecorded> decode(ConsumerRecord<String, String> record) {
        CloudEvent<AuditRecorded> event = codec.decode(record.value(), EventType.AUDIT_RECORDED);
        assertThat(record.key()).isEqualTo(event.subject()).isEqualTo(event.data().key());
        return event;
    }

    private List<AuditRecorded> await(String action, String subject, int count) {
        return audit.await(r -> r.value().contains("\"action\":\"" + action + "\"")
                        && r.value().contains("\"subject\":\"" + subject + "\""), count, DEADLINE)
                .stream().map(r -> decode(r).data()).toList();
    }

    @Test
    void a_submission_is_audited_once_with_the_respondent_and_the_address_the_proxy_saw() {
        String key = UUID.randomUUID().toString();
        String id = given().auth().oauth2(TestTokens.respondent("GM0014")).contentType(ContentType.JSON)
                .header("X-Forwarded-For", "198.51.100.7, 10.0.0.2").header("Idempotency-Key", key)
                .body(assessment("GM0014", 2076)).post("/api/submissions").then().statusCode(201)
                .extract().path("id");

        AuditRecorded entry = await("submission.accepted", "submission/" + id, 1).get(0);
        assertThat(entry.municipality()).isEqualTo("GM0014");
        assertThat(entry.actor()).isEqualTo("respondent-GM0014");
        assertThat(entry.roles()).containsExactly("respondent");
        assertThat(entry.clientAddress()).isEqualTo("198.51.100.7");
        assertThat(entry.peerAddress()).isEqualTo("127.0.0.1");
        assertThat(entry.service()).isEqualTo("survey-service");
        assertThat(entry.occurredAt()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1,
                ChronoUnit.MINUTES));
        assertThat(entry.details()).containsEntry("year", "2076").containsEntry("version", "1")
                .containsEntry("questionnaireVersion", "1").containsEntry("idempotencyKey", key);

        // A retry under the same key stores nothing and records nothing; the next real change is the next entry.
        given().auth().oauth2(TestTokens.respondent("GM0014")).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(assessment("GM0014", 2076)).post("/api/submissions").then()
                .statusCode(200);
        String second = given().auth().oauth2(TestTokens.respondent("GM0014")).contentType(ContentType.JSON)
                .body(assessment("GM0014", 2076)).post("/api/submissions").then().statusCode(201)
                .extract().path("id");
        await("submission.accepted", "submission/" + second, 1);
        assertThat(audit.seen()).filteredOn(r -> r.key().equals("GM0014") && r.value().contains("submission.accepted"))
                .hasSize(2);
    }

    @Test
    void a_forged_x_forwarded_for_from_outside_the_trusted_proxies_is_not_what_the_audit_records() throws Exception {
        // The tests trust 127.0.0.1 only (the default of quarkus.http.proxy.trusted-proxies here); 127.0.0.2 is a
        // client on this machine that is not a proxy.
        RawHttp.Answer answer = RawHttp.send(InetAddress.getByName("127.0.0.2"), URI.create(baseUrl.toString()),
                "POST", "/api/submissions", Map.of("Authorization", "Bearer " + TestTokens.respondent("GM0014"),
                        "Content-Type", "application/json", "X-Forwarded-For", "203.0.113.66"),
                assessment("GM0014", 2079), DEADLINE);
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        String id = json.readTree(answer.body()).get("id").asText();

        AuditRecorded entry = await("submission.accepted", "submission/" + id, 1).get(0);
        assertThat(entry.clientAddress()).isEqualTo("127.0.0.2");
        assertThat(entry.peerAddress()).isEqualTo("127.0.0.2");
    }

    @Test
    void an_import_records_each_stored_row_and_the_import_with_its_counts() {
        String body = """
                {"year": 2077, "rows": [%s, %s]}""".formatted(assessment("GM0034", 2077),
                assessment("Nowhere", 2077));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body(body).post("/api/imports")
                .then().statusCode(200).body("accepted", org.hamcrest.Matchers.equalTo(1));

        AuditRecorded completed = await("import.completed", "import/2077", 1).get(0);
        assertThat(completed.actor()).isEqualTo("admin");
        assertThat(completed.municipality()).isNull();
        assertThat(completed.details()).containsEntry("rows", "2").containsEntry("accepted", "1")
                .containsEntry("rejected", "1").containsEntry("alreadyImported", "0");
        assertThat(audit.seen()).filteredOn(r -> r.value().contains("submission.accepted")
                && r.value().contains("\"year\":\"2077\"")).singleElement()
                .satisfies(r -> assertThat(decode(r).data().municipality()).isEqualTo("GM0034"));
    }

    @Test
    void opening_closing_and_reopening_a_wave_are_recorded_with_their_details() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(WaveResourceTest.wave(2078, now.minus(1, ChronoUnit.DAYS), now.plus(30, ChronoUnit.DAYS)))
                .post("/api/admin/waves").then().statusCode(201);
        given().auth().oauth2(TestTokens.admin()).post("/api/admin/waves/2078/close").then().statusCode(200);
        given().auth().oauth2(TestTokens.admin()).post("/api/admin/waves/2078/close").then().statusCode(409);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON).body("{\"reason\": \"one more week\"}")
                .post("/api/admin/waves/2078/reopen").then().statusCode(200);

        AuditRecorded opened = await("wave.opened", "wave/2078", 1).get(0);
        assertThat(opened.details()).containsEntry("questionnaireVersion", "1").containsEntry("rulesVersion", "1")
                .containsKeys("divisionYear", "openFrom", "openUntil");
        assertThat(opened.actor()).isEqualTo("admin");
        assertThat(opened.roles()).containsExactly("admin");
        assertThat(opened.key()).isEqualTo(AuditRecorded.PLATFORM);
        assertThat(await("wave.closed", "wave/2078", 1)).hasSize(1);
        AuditRecorded reopened = await("wave.reopened", "wave/2078", 1).get(0);
        assertThat(reopened.details()).containsEntry("reason", "one more week").containsEntry("closedBy", "admin")
                .containsKeys("closedAt", "previousOpenUntil", "openUntil");
        // The refused second close (409) recorded nothing.
        assertThat(audit.seen()).filteredOn(r -> r.value().contains("wave.closed") && r.value().contains("wave/2078"))
                .hasSize(1);
    }

    @Test
    void putting_a_parked_outbox_row_back_in_line_is_audited() throws Exception {
        String eventId = "requeue-test-" + UUID.randomUUID();
        long id;
        try (Connection db = PostgresServer.shared().connect(); PreparedStatement park = db.prepareStatement(
                "INSERT INTO survey.outbox_event (event_id, topic, record_key, payload, parked_at, parked_reason) "
                        + "VALUES (?, 'threshold-crossed', 'GM0014', '{}', now(), 'RecordTooLargeException: test') "
                        + "RETURNING id")) {
            park.setString(1, eventId);
            try (ResultSet row = park.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
        }
        given().auth().oauth2(TestTokens.admin()).post("/api/admin/outbox/parked/" + id + "/retry").then()
                .statusCode(200);

        AuditRecorded requeued = await("outbox.requeued", "outbox/" + id, 1).get(0);
        assertThat(requeued.actor()).isEqualTo("admin");
        assertThat(requeued.details()).containsEntry("eventId", eventId).containsEntry("topic", "threshold-crossed")
                .containsEntry("reason", "RecordTooLargeException: test");
        // A row that is not parked (any more) is 404 and records nothing.
        given().auth().oauth2(TestTokens.admin()).post("/api/admin/outbox/parked/" + id + "/retry").then()
                .statusCode(404);
        assertThat(audit.seen()).filteredOn(r -> r.value().contains("\"outbox/" + id + "\"")).hasSize(1);
    }

    @Test
    void an_entry_leaves_only_with_its_transaction_and_outside_a_request_the_actor_is_the_system() {
        String rolledBack = "test/" + UUID.randomUUID();
        String committed = "test/" + UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            trail.record("test.rolled-back", rolledBack, null, Map.of());
            throw new IllegalStateException("the change fails after its audit entry was recorded");
        })).hasMessageContaining("the change fails");
        QuarkusTransaction.requiringNew().run(() -> trail.record("test.committed", committed, null, Map.of()));

        // Both have the key "platform", so one partition: had the first left, it would have arrived before this one.
        AuditRecorded entry = await("test.committed", committed, 1).get(0);
        assertThat(entry.actor()).isEqualTo(AuditRecorded.SYSTEM);
        assertThat(entry.roles()).isEmpty();
        assertThat(entry.clientAddress()).isNull();
        assertThat(audit.seen()).noneSatisfy(r -> assertThat(r.value()).contains(rolledBack));
    }
}
