package nl.monitor.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.ScoreComputed;
import nl.monitor.domain.scoring.Band;
import nl.monitor.domain.scoring.GoalScore;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import nl.monitor.testsupport.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static nl.monitor.reporting.ScoreEvents.FULL_MARKS_FOR_2;
import static nl.monitor.reporting.ScoreEvents.NOTHING_FOR_10;
import static nl.monitor.reporting.ScoreEvents.WORKED_EXAMPLE;
import static nl.monitor.reporting.ScoreEvents.publish;
import static nl.monitor.reporting.ScoreEvents.publishRaw;
import static nl.monitor.reporting.ScoreEvents.rows;
import static nl.monitor.reporting.ScoreEvents.score;
import static nl.monitor.reporting.ScoreEvents.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** The live projection of score-computed onto the read model, and the API that serves it. */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class ReadModelTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final Instant MAY = Instant.parse("2017-05-01T09:00:00Z");

    private TopicReader deadLetters;

    @BeforeEach
    void readDeadLetters() {
        deadLetters = new TopicReader(ScoreEvents.DLQ);
    }

    @AfterEach
    void close() {
        deadLetters.close();
    }

    private static void awaitVersion(String municipality, int year, int version) {
        await().atMost(DEADLINE).until(() -> rows("SELECT 1 FROM reporting.municipality_score WHERE municipality = ? "
                + "AND year = ? AND submission_version = ?", municipality, year, version).size() == 1);
    }

    @Test
    void a_score_becomes_the_municipality_current_score_with_region_and_size_class() {
        publish(score("GM0014", 2017, 1, 1, MAY, WORKED_EXAMPLE, NOTHING_FOR_10));
        awaitVersion("GM0014", 2017, 1);

        given().auth().oauth2(TestTokens.respondent("GM0014")).get("/api/municipalities/GM0014/scores/2017").then()
                .statusCode(200)
                .body("name", equalTo("Groningen")).body("region", equalTo("Groningen"))
                .body("sizeClass", equalTo(4))
                .body("total", equalTo(36.25f)).body("band", equalTo("ORANGE")).body("goalsAnswered", equalTo(2))
                .body("goals.goal", contains(1, 10))
                .body("goals[0].borging", equalTo(25.0f)).body("goals[0].inhoud", equalTo(27.5f))
                .body("goals[0].bereik", equalTo(20.0f)).body("goals[0].total", equalTo(72.5f))
                .body("submissionVersion", equalTo(1));
        assertThat(rows("SELECT goal FROM reporting.municipality_goal_score WHERE municipality = 'GM0014' "
                + "AND year = 2017 ORDER BY goal")).extracting(r -> r.get("goal")).containsExactly(1, 10);
    }

    @Test
    void the_newest_version_stays_current_whatever_order_the_scores_arrive_in() {
        publish(score("GM0037", 2017, 2, 1, MAY.plusSeconds(60), FULL_MARKS_FOR_2));
        publish(score("GM0037", 2017, 1, 1, MAY, NOTHING_FOR_10));
        // A marker after the late one: once it is projected, the late version 1 has been handled (same key, in order).
        publish(score("GM0037", 2014, 1, 1, MAY, NOTHING_FOR_10));
        awaitVersion("GM0037", 2014, 1);

        Map<String, Object> current = stored("GM0037", 2017);
        assertThat(current.get("submission_version")).isEqualTo(2);
        assertThat(current.get("total")).isEqualTo(100.0);
        assertThat(current.get("revision")).isEqualTo(1);
        assertThat(rows("SELECT goal FROM reporting.municipality_goal_score WHERE municipality = 'GM0037' "
                + "AND year = 2017")).extracting(r -> r.get("goal")).containsExactly(2);

        given().auth().oauth2(TestTokens.coordinator("Groningen")).get("/api/municipalities/GM0037/scores").then()
                .statusCode(200).body("year", contains(2017, 2014)).body("band", contains("GREEN", "RED"));
    }

    @Test
    void a_redelivered_event_changes_nothing_and_a_newer_version_replaces_the_goals() {
        String first = publish(score("GM0047", 2017, 1, 1, MAY, WORKED_EXAMPLE, NOTHING_FOR_10));
        publishRaw("GM0047", first);
        publish(score("GM0047", 2017, 2, 1, MAY.plusSeconds(60), FULL_MARKS_FOR_2));
        awaitVersion("GM0047", 2017, 2);

        // Applied twice (version 1, then 2): the redelivered copy in between did not count as a third write.
        assertThat(stored("GM0047", 2017).get("revision")).isEqualTo(2);
        assertThat(rows("SELECT goal FROM reporting.municipality_goal_score WHERE municipality = 'GM0047' "
                + "AND year = 2017")).extracting(r -> r.get("goal")).containsExactly(2);
    }

    @Test
    void poison_goes_to_the_dead_letter_topic_with_its_reason_and_the_consumer_goes_on() {
        publishRaw("GM0106", "{this is not json");
        CloudEvent<ScoreComputed> unknown = score("GM9999", 2017, 1, 1, MAY, NOTHING_FOR_10);
        publishRaw("GM0106", ScoreEvents.encode(unknown));
        GoalScore twice = new GoalScore(10, 0, 0, 0, 0, Band.RED);
        publish(score("GM0106", 2016, 1, 1, MAY, NOTHING_FOR_10, twice));
        publish(score("GM0106", 2017, 1, 1, MAY, WORKED_EXAMPLE));
        awaitVersion("GM0106", 2017, 1);

        List<String> reasons = deadLetters.await(r -> r.key().equals("GM0106"), 3, DEADLINE).stream()
                .map(r -> new String(r.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .toList();
        assertThat(reasons).hasSize(3);
        assertThat(reasons.get(0)).startsWith("malformed JSON");
        assertThat(reasons.get(1)).contains("unknown municipality GM9999");
        assertThat(reasons.get(2)).contains("lists goal 10 twice");
        assertThat(rows("SELECT year FROM reporting.municipality_score WHERE municipality = 'GM0106'"))
                .extracting(r -> r.get("year")).containsExactly(2017);
    }

    @Test
    void scores_are_read_only_by_those_allowed() {
        given().get("/api/municipalities/GM0014/scores").then().statusCode(401);
        given().auth().oauth2(TestTokens.wronglySigned()).get("/api/municipalities/GM0014/scores").then()
                .statusCode(401);
        given().auth().oauth2(TestTokens.respondent("GM0034")).get("/api/municipalities/GM0014/scores").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.coordinator("Flevoland")).get("/api/municipalities/GM0014/scores").then()
                .statusCode(403);
        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/GM0014/scores/1999").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/GM9999/scores").then()
                .statusCode(404);
        given().auth().oauth2(TestTokens.analyst()).post("/api/admin/read-model/rebuild").then().statusCode(403);
    }
}
