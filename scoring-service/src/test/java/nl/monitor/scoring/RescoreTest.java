package nl.monitor.scoring;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import nl.monitor.contracts.AuditRecorded;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.ScoreComputed;
import nl.monitor.contracts.SurveySubmitted;
import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.domain.assessment.BereikAnswer;
import nl.monitor.domain.assessment.BorgingAnswer;
import nl.monitor.domain.assessment.CategoryAnswer;
import nl.monitor.domain.assessment.GoalAnswer;
import nl.monitor.domain.assessment.InhoudAnswer;
import nl.monitor.domain.assessment.OptionAnswer;
import nl.monitor.domain.questionnaire.Inclusion;
import nl.monitor.domain.questionnaire.ReachShare;
import nl.monitor.testsupport.EventPublisher;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * Rescoring the wave of 2050 under the test-only rules version 101 (test resources: deploying measures earns 20
 * instead of 5, the categories share 30 instead of 45). Thresholds as in the test profile: 25 and 75, margin 10.
 *
 * <pre>
 *                                                           v1                     v101
 * Assen     goal 1 intended 5, measures (no category), insight, nobody reached
 *                                                           5 + 5 + 0 + 10 = 20      5 + 20 + 0 + 10 = 35: up past 25 + 10
 * Coevorden the worked example                              72.5                     25 + 20 + 2 x 7.5 + 20 = 80: under 75 + 10
 * Emmen     goal 4 with nothing                             0                        0
 * </pre>
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class RescoreTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final int YEAR = 2050;
    private static final String ASSEN = "GM0106";
    private static final String COEVORDEN = "GM0109";
    private static final String EMMEN = "GM0114";
    private final EventCodec codec = new EventCodec();

    private static GoalAnswer intendsWithMeasuresButNoCategory() {
        List<CategoryAnswer> none = List.of("subsidy-conditions", "chain-cooperation", "programme-purchasing",
                "own-action").stream().map(c -> new CategoryAnswer(c, List.of(OptionAnswer.of("not-in-policy")))).toList();
        return new GoalAnswer(1, new BorgingAnswer(Inclusion.INTENDED, false, List.of(), null),
                new InhoudAnswer(true, none, null), new BereikAnswer(true, ReachShare.NONE));
    }

    private void submit(String municipality, int version, List<GoalAnswer> goals) {
        CloudEvent<SurveySubmitted> event = CloudEvent.of(EventType.SURVEY_SUBMITTED, "/survey-service", municipality,
                new SurveySubmitted(UUID.randomUUID(), municipality, YEAR, 1, version, Instant.now(), goals, null));
        EventPublisher.shared().send(EventType.SURVEY_SUBMITTED.topic(), municipality, codec.encode(event));
    }

    private static io.restassured.response.ValidatableResponse rescore(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/admin/rescore").then();
    }

    private ScoreComputed score(ConsumerRecord<String, String> record) {
        return codec.<ScoreComputed>decode(record.value(), EventType.SCORE_COMPUTED).data();
    }

    private static boolean ofTheWave(ConsumerRecord<String, String> record) {
        return List.of(ASSEN, COEVORDEN, EMMEN).contains(record.key()) && record.value().contains("\"year\":" + YEAR);
    }

    /** The wave.rescored audit entries of the wave, in the order they were published. */
    private List<AuditRecorded> audited(TopicReader audit, int count) {
        return audit.await(r -> r.value().contains("\"action\":\"wave.rescored\"")
                        && r.value().contains("\"subject\":\"wave/" + YEAR + "\""), count, DEADLINE).stream()
                .map(r -> codec.<AuditRecorded>decode(r.value(), EventType.AUDIT_RECORDED).data()).toList();
    }

    @Test
    void a_wave_rescored_under_new_rules_publishes_new_scores_and_crossings_only_where_the_state_changed() {
        try (TopicReader computed = new TopicReader(EventType.SCORE_COMPUTED.topic());
             TopicReader crossed = new TopicReader(EventType.THRESHOLD_CROSSED.topic());
             TopicReader audit = new TopicReader(EventType.AUDIT_RECORDED.topic())) {
            submit(ASSEN, 1, List.of(intendsWithMeasuresButNoCategory()));
            submit(COEVORDEN, 1, Answers.workedExampleOnly());
            submit(EMMEN, 1, List.of(Answers.nothingFor(4)));
            assertThat(computed.await(RescoreTest::ofTheWave, 3, DEADLINE)).extracting(r -> score(r).totalScore())
                    .containsExactlyInAnyOrder(20.0, 72.5, 0.0);

            rescore(TestTokens.admin(), Map.of("year", YEAR, "rulesVersion", 101)).statusCode(200)
                    .body("year", equalTo(YEAR)).body("rulesVersion", equalTo(101))
                    .body("previousRulesVersion", equalTo(1)).body("municipalities", equalTo(3))
                    .body("rescored", equalTo(3)).body("unchanged", equalTo(0))
                    .body("crossingsDown", equalTo(0)).body("crossingsUp", equalTo(1));

            List<ScoreComputed> rescored = computed.await(r -> ofTheWave(r) && r.value().contains("\"rulesVersion\":101"),
                    3, DEADLINE).stream().map(this::score).toList();
            assertThat(rescored).extracting(s -> s.municipality() + " " + s.totalScore())
                    .containsExactlyInAnyOrder(ASSEN + " 35.0", COEVORDEN + " 80.0", EMMEN + " 0.0");
            ThresholdCrossed up = crossed.await(r -> r.key().equals(ASSEN) && r.value().contains("\"direction\":\"UP\""),
                    1, DEADLINE).stream().map(r -> codec.<ThresholdCrossed>decode(r.value(),
                    EventType.THRESHOLD_CROSSED).data()).findFirst().orElseThrow();
            assertThat(up.threshold()).isEqualTo(ThresholdCrossed.Threshold.total(25));
            assertThat(up.previousScore()).isEqualTo(20.0);
            assertThat(up.newScore()).isEqualTo(35.0);

            AuditRecorded rescoreAudit = audited(audit, 1).get(0);
            assertThat(rescoreAudit.actor()).isEqualTo("admin");
            assertThat(rescoreAudit.roles()).containsExactly("admin");
            assertThat(rescoreAudit.service()).isEqualTo("scoring-service");
            assertThat(rescoreAudit.details()).containsEntry("rulesVersion", "101")
                    .containsEntry("previousRulesVersion", "1").containsEntry("rescored", "3")
                    .containsEntry("crossingsUp", "1");

            // Again under version 101: nothing to do.
            rescore(TestTokens.admin(), Map.of("year", YEAR, "rulesVersion", 101)).statusCode(200)
                    .body("rescored", equalTo(0)).body("unchanged", equalTo(3)).body("crossingsUp", equalTo(0));
            assertThat(audited(audit, 2).get(1).details()).containsEntry("rescored", "0").containsEntry("unchanged", "3");
            // A new submission of that year is scored under version 101; once it is on the topic, whatever the second
            // rescore could have published would be there before it (one partition): nothing was.
            submit(EMMEN, 2, List.of(Answers.nothingFor(4)));
            ScoreComputed emmen = computed.await(r -> r.key().equals(EMMEN) && r.value().contains("\"submissionVersion\":2"),
                    1, DEADLINE).stream().map(this::score).findFirst().orElseThrow();
            assertThat(emmen.rulesVersion()).isEqualTo(101);
            assertThat(computed.seen()).filteredOn(r -> ofTheWave(r) && r.value().contains("\"rulesVersion\":101"))
                    .hasSize(4);
            assertThat(crossed.seen()).filteredOn(r -> ofTheWave(r) && r.value().contains("\"direction\":\"UP\""))
                    .hasSize(1);

            given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/" + ASSEN + "/scores?year=" + YEAR)
                    .then().statusCode(200).body("rulesVersion", contains(101, 1)).body("total", contains(35.0f, 20.0f));
        }
    }

    @Test
    void only_an_admin_rescores_and_a_bad_request_names_its_fields() {
        given().contentType(ContentType.JSON).body(Map.of("year", YEAR, "rulesVersion", 101)).post("/api/admin/rescore")
                .then().statusCode(401);
        rescore(TestTokens.analyst(), Map.of("year", YEAR, "rulesVersion", 101)).statusCode(403);
        rescore(TestTokens.admin(), Map.of("year", YEAR, "rulesVersion", 9)).statusCode(422)
                .contentType("application/problem+json").body("errors.field", contains("rulesVersion"))
                .body("errors.code", contains("unknown-rules-version"));
        rescore(TestTokens.admin(), Map.of()).statusCode(422).body("errors.field", contains("year", "rulesVersion"));
        rescore(TestTokens.admin(), Map.of("year", 1999, "rulesVersion", 101)).statusCode(422)
                .body("errors.field", contains("year")).body("errors.code", contains("no-submissions"));
    }
}
