package nl.monitor.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.ScoreComputed;
import nl.monitor.domain.scoring.Band;
import nl.monitor.domain.scoring.GoalScore;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static nl.monitor.reporting.ScoreEvents.FULL_MARKS_FOR_2;
import static nl.monitor.reporting.ScoreEvents.NOTHING_FOR_10;
import static nl.monitor.reporting.ScoreEvents.WORKED_EXAMPLE;
import static nl.monitor.reporting.ScoreEvents.execute;
import static nl.monitor.reporting.ScoreEvents.publish;
import static nl.monitor.reporting.ScoreEvents.rows;
import static nl.monitor.reporting.ScoreEvents.score;
import static nl.monitor.reporting.ScoreEvents.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

/** Rebuilding the read model from score-computed, from offset zero. */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class RebuildTest {

    private static final Instant JUNE = Instant.parse("2017-06-01T09:00:00Z");

    @Test
    void a_rebuild_from_the_topic_brings_back_the_same_read_model() {
        publish(score("GM0034", 2017, 1, 1, JUNE, NOTHING_FOR_10));
        publish(score("GM0034", 2017, 2, 1, JUNE.plusSeconds(60), WORKED_EXAMPLE, FULL_MARKS_FOR_2));
        publish(score("GM0014", 2014, 1, 1, JUNE, WORKED_EXAMPLE));
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("SELECT 1 FROM reporting.municipality_score "
                + "WHERE (municipality = 'GM0034' AND year = 2017 AND submission_version = 2) "
                + "OR (municipality = 'GM0014' AND year = 2014)").size() == 2);
        String before = snapshot();

        // The read model is damaged: a row lost, another overwritten.
        execute("DELETE FROM reporting.municipality_score WHERE municipality = 'GM0014' AND year = 2014");
        execute("UPDATE reporting.municipality_goal_score SET total = 0 WHERE municipality = 'GM0034'");

        given().auth().oauth2(TestTokens.admin()).post("/api/admin/read-model/rebuild").then().statusCode(200)
                .body("records", greaterThanOrEqualTo(3)).body("applied", greaterThanOrEqualTo(3));

        assertThat(snapshot()).isEqualTo(before);
        assertThat(stored("GM0034", 2017).get("submission_version")).isEqualTo(2);

        // A second rebuild is a replay too: the same read model again.
        given().auth().oauth2(TestTokens.admin()).post("/api/admin/read-model/rebuild").then().statusCode(200);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void a_poison_version_is_skipped_by_the_rebuild_as_by_the_live_consumer_and_the_valid_one_below_it_kept() {
        // Version 3 lists goal 10 twice: poison, dead-lettered by the live consumer, which keeps version 2 (applied
        // after version 1: revision 2). The replay reads version 3 as the newest and must fall back to version 2.
        publish(score("GM0050", 2017, 1, 1, JUNE, NOTHING_FOR_10));
        CloudEvent<ScoreComputed> poison = score("GM0050", 2017, 3, 1, JUNE.plusSeconds(120), NOTHING_FOR_10,
                new GoalScore(10, 0, 0, 0, 0, Band.RED));
        publish(poison);
        publish(score("GM0050", 2017, 2, 1, JUNE.plusSeconds(60), WORKED_EXAMPLE));
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("SELECT 1 FROM reporting.municipality_score "
                + "WHERE municipality = 'GM0050' AND year = 2017 AND submission_version = 2").size() == 1);
        String before = snapshot();

        given().auth().oauth2(TestTokens.admin()).post("/api/admin/read-model/rebuild").then().statusCode(200)
                .body("poisonSkipped", greaterThanOrEqualTo(1));

        assertThat(snapshot()).isEqualTo(before);
        assertThat(stored("GM0050", 2017)).containsEntry("submission_version", 2).containsEntry("revision", 2);
        // marked processed, the poison event would be skipped as a duplicate should it be consumed again
        assertThat(rows("SELECT 1 FROM reporting.processed_event WHERE event_id = ?", poison.id())).isEmpty();
    }

    /** The projected content of the read model (not its audit columns), in a stable order. */
    static String snapshot() {
        return rows("SELECT s.municipality, s.year, s.submission_version, s.total, s.band, s.region, s.size_class, "
                + "g.goal, g.borging, g.inhoud, g.bereik, g.total AS goal_total FROM reporting.municipality_score s "
                + "LEFT JOIN reporting.municipality_goal_score g USING (municipality, year) "
                + "ORDER BY s.municipality, s.year, g.goal").toString();
    }
}
