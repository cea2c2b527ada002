package nl.monitor.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import nl.monitor.domain.scoring.Band;
import nl.monitor.domain.scoring.GoalScore;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivisions;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static nl.monitor.reporting.ScoreEvents.FULL_MARKS_FOR_2;
import static nl.monitor.reporting.ScoreEvents.WORKED_EXAMPLE;
import static nl.monitor.reporting.ScoreEvents.publish;
import static nl.monitor.reporting.ScoreEvents.rows;
import static nl.monitor.reporting.ScoreEvents.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every year under its own municipal division (issue 26): 2014 under the 408 municipalities of 1 January 2013, 2017
 * under the 388 of 2017. Bellingwedde (GM0007, merged into Westerwolde GM1950 in 2018) has its 2014 card and is in
 * the 2014 region view of Groningen under its name of then; that view lists the 23 municipalities of 2013. Bussum
 * (GM0381) and Muiden (GM0424), gone into Gooise Meren (GM1942) in 2016, fold onto it when 2017 is compared with 2014.
 * No other test of this module scores these codes.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class DivisionYearViewsTest {

    private static final Instant MAY = Instant.parse("2017-05-01T09:00:00Z");
    private static final GoalScore HALF_FOR_1 = new GoalScore(1, 15, 20, 10, 45, Band.ORANGE);

    @BeforeAll
    static void publishScores() {
        publish(score("GM0007", 2014, 1, 1, MAY, WORKED_EXAMPLE));     // Bellingwedde 2014: 72.5
        publish(score("GM0007", 2017, 1, 1, MAY, HALF_FOR_1));         // Bellingwedde 2017: 45
        publish(score("GM0048", 2017, 1, 1, MAY, FULL_MARKS_FOR_2));   // Vlagtwedde 2017: 100
        publish(score("GM0381", 2014, 1, 1, MAY, WORKED_EXAMPLE));     // Bussum 2014: goal 1 72.5
        publish(score("GM0424", 2014, 1, 1, MAY, HALF_FOR_1));         // Muiden 2014: goal 1 45
        publish(score("GM0406", 2014, 1, 1, MAY, HALF_FOR_1));         // Huizen 2014: goal 1 45
        publish(score("GM1942", 2017, 1, 1, MAY, WORKED_EXAMPLE));     // Gooise Meren 2017: goal 1 72.5
        publish(score("GM0406", 2017, 1, 1, MAY, WORKED_EXAMPLE));     // Huizen 2017: goal 1 72.5
        await().atMost(Duration.ofSeconds(60)).until(() -> rows("SELECT 1 FROM reporting.municipality_score "
                + "WHERE municipality IN ('GM0007', 'GM0048', 'GM0381', 'GM0424', 'GM0406', 'GM1942')").size() == 8);
    }

    @Test
    void a_2014_submission_of_a_2013_municipality_has_its_card_under_its_name_of_then() {
        JsonPath card = json(TestTokens.coordinator("Groningen"), "/api/municipalities/GM0007/card?year=2014");
        assertThat(card.getString("municipality")).isEqualTo("GM0007");
        assertThat(card.getString("name")).isEqualTo("Bellingwedde");
        assertThat(card.getString("region")).isEqualTo("Groningen");
        assertThat(card.getDouble("total.points")).isEqualTo(72.5);

        // 2017 against 2014: the same code in both divisions, compared with itself
        JsonPath later = json(TestTokens.analyst(), "/api/municipalities/GM0007/card?year=2017");
        assertThat(later.getInt("previousYear")).isEqualTo(2014);
        assertThat(later.getDouble("total.change")).isEqualTo(-27.5);

        given().auth().oauth2(TestTokens.coordinator("Drenthe")).get("/api/municipalities/GM0007/card?year=2014")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/GM0007/card?year=2021").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void the_2014_region_view_lists_the_municipalities_of_2013_under_their_names_of_then() {
        JsonPath view = json(TestTokens.coordinator("Groningen"), "/api/regions/Groningen/municipalities?year=2014");

        List<String> codes2013 = MunicipalityDivisions.of(2013).orElseThrow().inRegion("Groningen").stream()
                .map(Municipality::code).toList();
        assertThat(codes2013).hasSize(23);
        assertThat(view.getList("municipalities.municipality", String.class))
                .containsExactlyInAnyOrderElementsOf(codes2013)
                .doesNotContain("GM1950", "GM1952", "GM1966", "GM1969", "GM1979");   // formed 2018-2021
        String bellingwedde = "municipalities.find { it.municipality == 'GM0007' }";
        assertThat(view.getString(bellingwedde + ".name")).isEqualTo("Bellingwedde");
        assertThat(view.getBoolean(bellingwedde + ".participated")).isTrue();
        assertThat(view.getDouble(bellingwedde + ".total")).isEqualTo(72.5);
        assertThat(view.getString(bellingwedde + ".trend")).isEqualTo("NEW");

        // 2021: the ten municipalities of today; Westerwolde's 2017 folded from Bellingwedde and Vlagtwedde
        JsonPath today = json(TestTokens.coordinator("Groningen"), "/api/regions/Groningen/municipalities?year=2021");
        assertThat(today.getList("municipalities")).hasSize(10);
        assertThat(today.getList("municipalities.municipality", String.class)).contains("GM1950")
                .doesNotContain("GM0007");
    }

    @Test
    void the_merged_municipalitys_card_shows_its_predecessors_with_their_own_scores() {
        publish(score("GM1950", 2021, 1, 1, MAY, WORKED_EXAMPLE));
        await().atMost(Duration.ofSeconds(60)).until(() -> rows("SELECT 1 FROM reporting.municipality_score "
                + "WHERE municipality = 'GM1950' AND year = 2021").size() == 1);
        JsonPath card = json(TestTokens.coordinator("Groningen"), "/api/municipalities/GM1950/card?year=2021");
        assertThat(card.getInt("previousYear")).isEqualTo(2017);
        assertThat(card.getList("history[1].predecessors.name", String.class))
                .containsExactly("Bellingwedde", "Vlagtwedde");
        assertThat(card.getList("history[1].predecessors.points", Double.class)).containsExactly(45.0, 100.0);
        assertThat(card.getList("history[0].predecessors.name", String.class)).contains("Bellingwedde");
        assertThat(card.getList("history[0].predecessors.points", Double.class)).contains(72.5);
    }

    @Test
    void goal_scores_2017_against_2014_fold_the_2014_municipalities_onto_2017s_and_state_the_mapping() {
        JsonPath report = json(TestTokens.analyst(),
                "/api/reports/goal-scores?year=2017&compareWith=2014&region=Gooi en Vechtstreek");

        // 2014 goal 1 folded onto 2017: Gooise Meren = Bussum 72.5 and Muiden 45 with equal weights (each a third
        // of Gooise Meren's 2016 inhabitants) = 58.75; Huizen 45; mean (58.75 + 45) / 2 = 51.875 -> 51.9 over n 2
        // (unfolded it would be 3 municipalities, 54.2).
        assertThat(report.getInt("goals[0].years[0].year")).isEqualTo(2014);
        assertThat(report.getInt("goals[0].years[0].n")).isEqualTo(2);
        assertThat(report.getDouble("goals[0].years[0].meanTotal")).isEqualTo(51.9);
        assertThat(report.getInt("goals[0].years[1].n")).isEqualTo(2);
        assertThat(report.getDouble("goals[0].years[1].meanTotal")).isEqualTo(72.5);
        assertThat(report.getBoolean("mapping.mapped")).isTrue();
        assertThat(report.getInt("mapping.earlierDivisionYear")).isEqualTo(2013);
        assertThat(report.getInt("mapping.divisionYear")).isEqualTo(2017);
        assertThat(report.getList("mapping.folds.into", String.class)).containsExactly("GM1942");
        assertThat(report.getList("mapping.folds[0].from.code", String.class))
                .containsExactly("GM0381", "GM0424", "GM0425");
        assertThat(report.getString("mapping.note")).contains("1 January 2013").contains("1 January 2017");

        // over the whole country too, 2014 is counted over 2017's municipalities: Gooise Meren once
        JsonPath country = json(TestTokens.analyst(), "/api/reports/goal-scores?year=2017&compareWith=2014");
        assertThat(country.getInt("mapping.earlierDivisionYear")).isEqualTo(2013);
    }

    private static JsonPath json(String token, String path) {
        return given().auth().oauth2(token).get(path).then().statusCode(200).extract().jsonPath();
    }
}
