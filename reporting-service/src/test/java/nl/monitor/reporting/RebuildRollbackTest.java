package nl.monitor.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static nl.monitor.reporting.ScoreEvents.FULL_MARKS_FOR_2;
import static nl.monitor.reporting.ScoreEvents.WORKED_EXAMPLE;
import static nl.monitor.reporting.ScoreEvents.publish;
import static nl.monitor.reporting.ScoreEvents.rows;
import static nl.monitor.reporting.ScoreEvents.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;

/**
 * A rebuild swaps in the new read model only when it is complete: one that fails part-way (here its replay cannot
 * reach the end offsets in time, as when Kafka goes away mid-rebuild) rolls back, and the read model is the one from
 * before, not an emptied or half-filled one.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
@TestProfile(RebuildRollbackTest.ReplayCannotFinish.class)
class RebuildRollbackTest {

    public static class ReplayCannotFinish implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("reporting.rebuild.timeout", "0s");
        }
    }

    private static final Instant JUNE = Instant.parse("2016-06-01T09:00:00Z");

    @Test
    void a_rebuild_that_fails_part_way_leaves_the_read_model_as_it_was() {
        publish(score("GM0363", 2016, 1, 1, JUNE, WORKED_EXAMPLE, FULL_MARKS_FOR_2));
        awaitStored("GM0363", 2016);
        String before = RebuildTest.snapshot();
        assertThat(before).contains("GM0363");

        given().auth().oauth2(TestTokens.admin()).post("/api/admin/read-model/rebuild").then().statusCode(500)
                .body("type", endsWith("rebuild-failed")).body("detail", containsString("Nothing was changed"));

        assertThat(RebuildTest.snapshot()).isEqualTo(before);
        // The rebuild's locks are gone: the live consumer projects again.
        publish(score("GM0344", 2016, 1, 1, JUNE, WORKED_EXAMPLE));
        awaitStored("GM0344", 2016);
    }

    private static void awaitStored(String municipality, int year) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !rows("SELECT 1 FROM reporting.municipality_score "
                + "WHERE municipality = ? AND year = ?", municipality, year).isEmpty());
    }
}
