package nl.monitor.scoring;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.monitor.contracts.AuditRecorded;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.SurveySubmitted;
import nl.monitor.testsupport.EventPublisher;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.TopicReader;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The dead-letter redrive: an admin lists what the consumer dead-lettered, with the reasons, and runs chosen records
 * through processing again after a fix; a redrive is idempotent, and a record that is still poison stays so.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class DeadLetterRedriveTest {

    private static final String DLQ = "scoring-service.survey-submitted.dlq";
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private final EventCodec codec = new EventCodec();

    @Test
    void dead_letters_are_listed_with_their_reason_and_redriven_once_after_a_fix() {
        try (TopicReader deadLetters = new TopicReader(DLQ)) {
            // Poison met by the live consumer: dead-lettered with its reason.
            EventPublisher.shared().send(EventType.SURVEY_SUBMITTED.topic(), "GM0153", "{still not json");
            deadLetters.await(r -> "GM0153".equals(r.key()), 1, DEADLINE);
        }
        // A record dead-lettered for a reason that has since been fixed (say, rules that were missing): its event is
        // valid now. It stands in the dead-letter topic as the consumer would have put it there.
        CloudEvent<SurveySubmitted> event = CloudEvent.of(EventType.SURVEY_SUBMITTED, "/survey-service", "GM0158",
                new SurveySubmitted(UUID.randomUUID(), "GM0158", 2031, 1, 1, Instant.now(), Answers.orange(), null));
        EventPublisher.shared().send(DLQ, "GM0158", codec.encode(event), Map.of("dead-letter-reason",
                "no scoring rules in force for 2031", "dead-letter-topic", "survey-submitted",
                "dead-letter-partition", "3", "dead-letter-offset", "41"));

        List<Map<String, Object>> listed = Awaitility.await("both dead letters listed").atMost(DEADLINE)
                .until(() -> given().auth().oauth2(TestTokens.admin()).get("/api/admin/dead-letters").then()
                        .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("$").stream()
                        .filter(d -> List.of("GM0153", "GM0158").contains(d.get("key"))).toList(), l -> l.size() == 2);
        Map<String, Object> poison = listed.stream().filter(d -> d.get("key").equals("GM0153")).findFirst().orElseThrow();
        Map<String, Object> fixed = listed.stream().filter(d -> d.get("key").equals("GM0158")).findFirst().orElseThrow();
        assertThat((String) poison.get("reason")).startsWith("malformed JSON");
        assertThat(poison.get("sourceTopic")).isEqualTo("survey-submitted");
        assertThat(fixed.get("reason")).isEqualTo("no scoring rules in force for 2031");

        try (TopicReader audit = new TopicReader(EventType.AUDIT_RECORDED.topic())) {
            redrive(fixed).body("[0].outcome", equalTo("APPLIED")).body("[0].sourceTopic", equalTo("survey-submitted"));
            given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/GM0158/scores/2031").then()
                    .statusCode(200).body("total", equalTo(36.25f));
            redrive(fixed).body("[0].outcome", equalTo("DUPLICATE"));
            redrive(poison).body("[0].outcome", equalTo("POISON")).body("[0].reason", containsString("malformed JSON"));

            // Each redrive is in the audit trail: who, which records, what they did.
            List<AuditRecorded> redrives = audit.await(r -> r.value().contains("\"action\":\"dead-letter.redriven\"")
                            && r.value().contains("\"subject\":\"dead-letter/" + DLQ + "\""), 3, DEADLINE).stream()
                    .map(r -> codec.<AuditRecorded>decode(r.value(), EventType.AUDIT_RECORDED).data()).toList();
            assertThat(redrives).extracting(AuditRecorded::actor).containsOnly("admin");
            assertThat(redrives).extracting(e -> e.details().get("outcomes"))
                    .containsExactly("{APPLIED=1}", "{DUPLICATE=1}", "{POISON=1}");
            assertThat(redrives.get(0).details()).containsEntry("records", "1")
                    .containsEntry("selection", fixed.get("partition") + "@" + fixed.get("offset"));
        }
        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/GM0158/scores").then()
                .statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void only_an_admin_redrives_and_a_request_names_its_field() {
        given().auth().oauth2(TestTokens.analyst()).get("/api/admin/dead-letters").then().statusCode(403);
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"topic\": \"no.such.dlq\", \"all\": true}").post("/api/admin/dead-letters/redrive").then()
                .statusCode(422).body("errors[0].field", equalTo("topic"));
        given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body("{\"topic\": \"" + DLQ + "\"}").post("/api/admin/dead-letters/redrive").then()
                .statusCode(422).body("errors[0].field", equalTo("records"));
    }

    private static io.restassured.response.ValidatableResponse redrive(Map<String, Object> letter) {
        return given().auth().oauth2(TestTokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("topic", DLQ, "records", List.of(Map.of("partition", letter.get("partition"),
                        "offset", letter.get("offset"))))).post("/api/admin/dead-letters/redrive").then()
                .statusCode(200);
    }
}
