package nl.monitor.scoring;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
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
import nl.monitor.domain.scoring.Band;
import nl.monitor.testsupport.EventPublisher;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class ScoringFlowTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final String DLQ = "scoring-service.survey-submitted.dlq";
    private final EventCodec codec = new EventCodec();
    private TopicReader computed;
    private TopicReader crossed;
    private TopicReader deadLetters;

    @BeforeEach
    void readTopics() {
        computed = new TopicReader(EventType.SCORE_COMPUTED.topic());
        crossed = new TopicReader(EventType.THRESHOLD_CROSSED.topic());
        deadLetters = new TopicReader(DLQ);
    }

    @AfterEach
    void closeReaders() {
        computed.close();
        crossed.close();
        deadLetters.close();
    }

    private String submit(String municipality, int year, int version, List<GoalAnswer> goals) {
        CloudEvent<SurveySubmitted> event = CloudEvent.of(EventType.SURVEY_SUBMITTED, "/survey-service", municipality,
                new SurveySubmitted(UUID.randomUUID(), municipality, year, 1, version, Instant.now(), goals, null));
        return send(municipality, codec.encode(event));
    }

    private static String send(String key, String value) {
        EventPublisher.shared().send(EventType.SURVEY_SUBMITTED.topic(), key, value);
        return value;
    }

    private ScoreComputed awaitScore(String municipality, int version) {
        ConsumerRecord<String, String> record = computed.await(r -> r.key().equals(municipality)
                && r.value().contains("\"submissionVersion\":" + version), 1, DEADLINE).get(0);
        return codec.<ScoreComputed>decode(record.value(), EventType.SCORE_COMPUTED).data();
    }

    @Test
    void a_submission_is_scored_stored_and_published_as_score_computed() {
        submit("GM0014", 2017, 1, Answers.orange());

        ScoreComputed score = awaitScore("GM0014", 1);
        assertThat(score.totalScore()).isEqualTo(36.25);
        assertThat(score.band()).isEqualTo(Band.ORANGE);
        assertThat(score.goalsAnswered()).isEqualTo(2);
        assertThat(score.goals()).extracting(g -> g.goal() + ":" + g.total()).containsExactly("1:72.5", "10:0.0");
        assertThat(score.rulesVersion()).isEqualTo(1);

        given().auth().oauth2(TestTokens.respondent("GM0014")).get("/api/municipalities/GM0014/scores/2017").then()
                .statusCode(200).body("total", equalTo(36.25f)).body("band", equalTo("ORANGE"))
                .body("goals[0].inhoud", equalTo(27.5f)).body("current", equalTo(true));
    }

    @Test
    void a_failing_municipality_crosses_down_and_an_improved_one_crosses_back_up() {
        submit("GM0037", 2017, 1, Answers.red());
        ConsumerRecord<String, String> down = crossed.await(r -> r.key().equals("GM0037")
                && r.value().contains("\"value\":25.0"), 1, DEADLINE).get(0);
        ThresholdCrossed first = codec.<ThresholdCrossed>decode(down.value(), EventType.THRESHOLD_CROSSED).data();
        assertThat(first.direction()).isEqualTo(ThresholdCrossed.Direction.DOWN);
        assertThat(first.previousScore()).isNull();
        assertThat(first.newScore()).isEqualTo(2.5);
        assertThat(first.region()).isEqualTo("Groningen");
        assertThat(first.newBand()).isEqualTo(Band.RED);

        submit("GM0037", 2017, 2, Answers.orange());
        ConsumerRecord<String, String> up = crossed.await(r -> r.key().equals("GM0037")
                && r.value().contains("\"direction\":\"UP\""), 1, DEADLINE).get(0);
        ThresholdCrossed second = codec.<ThresholdCrossed>decode(up.value(), EventType.THRESHOLD_CROSSED).data();
        assertThat(second.threshold().value()).isEqualTo(25.0);
        assertThat(second.previousScore()).isEqualTo(2.5);
        assertThat(second.newScore()).isEqualTo(36.25);
        assertThat(second.previousBand()).isEqualTo(Band.RED);
        assertThat(second.scoreEventId()).isEqualTo(awaitScoreEventId("GM0037", 2));

        given().auth().oauth2(TestTokens.coordinator("Groningen")).get("/api/municipalities/GM0037/scores").then()
                .statusCode(200).body("submissionVersion", contains(2, 1)).body("current", contains(true, false));
    }

    private String awaitScoreEventId(String municipality, int version) {
        ConsumerRecord<String, String> record = computed.await(r -> r.key().equals(municipality)
                && r.value().contains("\"submissionVersion\":" + version), 1, DEADLINE).get(0);
        return codec.decode(record.value(), EventType.SCORE_COMPUTED).id();
    }

    @Test
    void a_redelivered_event_changes_nothing() {
        String event = submit("GM0047", 2017, 1, Answers.red());
        send("GM0047", event);
        submit("GM0047", 2017, 2, Answers.orange());

        awaitScore("GM0047", 2);
        // Records of one municipality are processed in order: once version 2 is scored, the duplicate was seen.
        assertThat(computed.seen()).filteredOn(r -> r.key().equals("GM0047")).hasSize(2);
        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/GM0047/scores").then().statusCode(200)
                .body("$", hasSize(2));
    }

    @Test
    void poison_goes_to_the_dead_letter_topic_with_its_reason_and_the_consumer_goes_on() {
        send("GM0106", "{this is not json");
        String unknownVersion = codec.encode(CloudEvent.of(EventType.SURVEY_SUBMITTED, "/survey-service", "GM0106",
                        new SurveySubmitted(UUID.randomUUID(), "GM0106", 2017, 1, 1, Instant.now(), Answers.orange(), null)))
                .replace("survey-submitted.v1\"", "survey-submitted.v7\"");
        send("GM0106", unknownVersion);
        List<GoalAnswer> unknownOption = List.of(new GoalAnswer(10,
                new BorgingAnswer(Inclusion.NOT_INCLUDED, false, List.of(), null),
                new InhoudAnswer(true, List.of(new CategoryAnswer("municipal-campaign",
                        List.of(OptionAnswer.of("skywriting")))), null), new BereikAnswer(false, null)));
        submit("GM0106", 2017, 1, unknownOption);
        submit("GM0106", 2017, 2, Answers.orange());

        assertThat(awaitScore("GM0106", 2).totalScore()).isEqualTo(36.25);
        List<String> reasons = deadLetters.await(r -> r.key().equals("GM0106"), 3, DEADLINE).stream()
                .map(r -> new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .toList();
        assertThat(reasons).hasSize(3);
        assertThat(reasons.get(0)).startsWith("malformed JSON");
        assertThat(reasons.get(1)).contains("unknown event type or schema version: nl.monitor.survey-submitted.v7");
        assertThat(reasons.get(2)).contains("fails validation").contains("skywriting");
        assertThat(computed.seen()).filteredOn(r -> r.key().equals("GM0106")).hasSize(1);
    }

    @Test
    void a_municipality_merged_since_is_scored_for_the_years_of_its_division_with_its_region_then() {
        // Bellingwedde (GM0007, region Groningen) answered the 2017 wave; it is part of Westerwolde since 2018.
        submit("GM0007", 2017, 1, Answers.red());
        submit("GM0007", 2022, 1, Answers.red());

        assertThat(awaitScore("GM0007", 1).year()).isEqualTo(2017);
        ThresholdCrossed crossing = codec.<ThresholdCrossed>decode(crossed.await(r -> r.key().equals("GM0007"), 1,
                DEADLINE).get(0).value(), EventType.THRESHOLD_CROSSED).data();
        assertThat(crossing.region()).isEqualTo("Groningen");
        assertThat(crossing.year()).isEqualTo(2017);
        String reason = new String(deadLetters.await(r -> r.key().equals("GM0007"), 1, DEADLINE).get(0).headers()
                .lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
        assertThat(reason).contains("unknown municipality GM0007").contains("2022");
        assertThat(computed.seen()).filteredOn(r -> r.key().equals("GM0007")).hasSize(1);
    }

    @Test
    void scores_are_read_only_by_those_allowed() {
        given().get("/api/municipalities/GM0014/scores").then().statusCode(401);
        given().auth().oauth2(TestTokens.respondent("GM0034")).get("/api/municipalities/GM0014/scores").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.coordinator("Flevoland")).get("/api/municipalities/GM0014/scores").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/GM0014/scores/1999").then()
                .statusCode(404);
    }
}
