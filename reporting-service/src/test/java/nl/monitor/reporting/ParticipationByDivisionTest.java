package nl.monitor.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static nl.monitor.reporting.ScoreEvents.FULL_MARKS_FOR_2;
import static nl.monitor.reporting.ScoreEvents.NOTHING_FOR_10;
import static nl.monitor.reporting.ScoreEvents.WORKED_EXAMPLE;
import static nl.monitor.reporting.ScoreEvents.publish;
import static nl.monitor.reporting.ScoreEvents.rows;
import static nl.monitor.reporting.ScoreEvents.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tabel 3.1 over the read model, each year by its own municipal division: a 2017 cohort in Fryslân (no other test of
 * this module scores Fryslân in 2017) against the 24 Frisian municipalities of 1 January 2017, nationally 388.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class ParticipationByDivisionTest {

    private static final Instant MAY = Instant.parse("2017-05-01T09:00:00Z");

    @Test
    void participation_for_a_2017_cohort_counts_the_388_invited_of_the_2017_division() {
        publish(score("GM0080", 2017, 1, 1, MAY, WORKED_EXAMPLE));          // Leeuwarden, class 4 in 2017, 72.5
        publish(score("GM0072", 2017, 1, 1, MAY, NOTHING_FOR_10));          // Harlingen, class 1, 0
        publish(score("GM0080", 2021, 1, 1, MAY, FULL_MARKS_FOR_2));        // Leeuwarden 2021, 100
        await().atMost(Duration.ofSeconds(60)).until(() -> rows("SELECT 1 FROM reporting.municipality_score "
                + "WHERE municipality IN ('GM0080', 'GM0072') AND year IN (2017, 2021)").size() == 3);

        JsonPath national = report("/api/reports/participation?year=2021&compareWith=2017");
        // each wave's totals under its own division; the size classes of both under 2021's (2017 folded onto it)
        assertThat(national.getList("divisions.invited", Integer.class)).containsExactly(388, 352);
        assertThat(national.getList("divisions.divisionYear", Integer.class)).containsExactly(2017, 2021);
        assertThat(national.getList("sizeClasses[5].years.invited", Integer.class)).containsExactly(352, 352);
        assertThat(national.getList("divisions.sizeClassesIn", Integer.class)).containsExactly(2021, null);

        JsonPath fryslan = report("/api/reports/participation?year=2017&region=Fryslân");
        // 1 January 2017: 24 Frisian municipalities, classes 14 / 5 / 4 / 1 / 0.
        assertThat(fryslan.getList("sizeClasses.collect { it.years[0].invited }", Integer.class))
                .containsExactly(14, 5, 4, 1, 0, 24);
        assertThat(fryslan.getList("sizeClasses.collect { it.years[0].participated }", Integer.class))
                .containsExactly(1, 0, 0, 1, 0, 2);
        // 2 of 24 = 8.3 % -> 8 %; mean (72.5 + 0) / 2 = 36.25 -> 36.3.
        assertThat(fryslan.getInt("sizeClasses[5].years[0].percent")).isEqualTo(8);
        assertThat(fryslan.getDouble("sizeClasses[5].years[0].meanTotal")).isEqualTo(36.3);

        assertThat(report("/api/reports/participation?year=2014").getInt("sizeClasses[5].years[0].invited"))
                .isEqualTo(408);
        assertThat(report("/api/reports/participation?year=2021&region=Fryslân")
                .getInt("sizeClasses[5].years[0].invited")).isEqualTo(18);
    }

    private static JsonPath report(String path) {
        return given().auth().oauth2(TestTokens.analyst()).get(path).then().statusCode(200).extract().jsonPath();
    }
}
