package nl.monitor.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import nl.monitor.domain.scoring.Band;
import nl.monitor.domain.scoring.GoalScore;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeAll;
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
 * Trends across a merger: Giessenlanden (GM0689, 14,544 inhabitants on 1 January 2016) and Molenwaard (GM1927, 29,067)
 * merged into Molenlanden (GM1978) in 2019. Their 2014 and 2017 scores, folded by population weight, are Molenlanden's
 * earlier years on its 2021 card and in the region view; the comparison reports state the fold. Dordrecht (GM0505)
 * merged with none and keeps its own trend. No other test of this module scores these codes.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class MergerTrendTest {

    private static final Instant MAY = Instant.parse("2021-05-01T09:00:00Z");
    private static final GoalScore HALF_FOR_1 = new GoalScore(1, 15, 20, 10, 45, Band.ORANGE);

    @BeforeAll
    static void publishScores() {
        publish(score("GM0689", 2014, 1, 1, MAY, FULL_MARKS_FOR_2));                // Giessenlanden 2014: 100
        publish(score("GM1927", 2014, 1, 1, MAY, WORKED_EXAMPLE));                  // Molenwaard 2014: 72.5
        publish(score("GM0689", 2017, 1, 1, MAY, WORKED_EXAMPLE));                  // Giessenlanden 2017: 72.5
        publish(score("GM1927", 2017, 1, 1, MAY, NOTHING_FOR_10));                  // Molenwaard 2017: 0
        publish(score("GM1978", 2021, 1, 1, MAY, WORKED_EXAMPLE, NOTHING_FOR_10));  // Molenlanden 2021: 36.25
        publish(score("GM0505", 2017, 1, 1, MAY, HALF_FOR_1));                      // Dordrecht 2017: 45
        publish(score("GM0505", 2021, 1, 1, MAY, WORKED_EXAMPLE));                  // Dordrecht 2021: 72.5
        await().atMost(Duration.ofSeconds(60)).until(() -> rows("SELECT 1 FROM reporting.municipality_score "
                + "WHERE municipality IN ('GM0689', 'GM1927', 'GM1978', 'GM0505')").size() == 7);
    }

    @Test
    void the_merged_municipalitys_card_shows_its_predecessors_weighted_earlier_scores() {
        JsonPath card = json(TestTokens.coordinator("Zuid-Holland Zuid"), "/api/municipalities/GM1978/card?year=2021");

        // 2017: (14,544 x 72.5 + 29,067 x 0) / 43,611 = 24.178 -> 24.18; change 36.25 - 24.178 = 12.07.
        assertThat(card.getInt("previousYear")).isEqualTo(2017);
        assertThat(card.getDouble("total.previousPoints")).isEqualTo(24.18);
        assertThat(card.getDouble("total.change")).isEqualTo(12.07);
        // Per goal over the predecessors that answered it: goal 1 only Giessenlanden (72.5), goal 10 only Molenwaard.
        assertThat(card.getDouble("goals.find { it.goal == 1 }.previousPoints")).isEqualTo(72.5);
        assertThat(card.getDouble("goals.find { it.goal == 1 }.change")).isEqualTo(0.0);
        assertThat(card.getDouble("goals.find { it.goal == 10 }.previousPoints")).isEqualTo(0.0);

        // 2014 -> 2017 -> 2021: 2014 from the 2013 division, (14,544 x 100 + 29,067 x 72.5) / 43,611 = 81.67.
        assertThat(card.getList("history.year", Integer.class)).containsExactly(2014, 2017);
        assertThat(card.getList("history.divisionYear", Integer.class)).containsExactly(2013, 2017);
        assertThat(card.getList("history.merged", Boolean.class)).containsExactly(true, true);
        assertThat(card.getDouble("history[0].points")).isEqualTo(81.67);
        assertThat(card.getDouble("history[1].points")).isEqualTo(24.18);
        assertThat(card.getList("history[1].predecessors.code", String.class)).containsExactly("GM0689", "GM1927");
        assertThat(card.getList("history[1].predecessors.name", String.class))
                .containsExactly("Giessenlanden", "Molenwaard");
        assertThat(card.getList("history[1].predecessors.inhabitants", Integer.class)).containsExactly(14544, 29067);
        assertThat(card.getList("history[1].predecessors.share", Integer.class)).containsExactly(33, 67);
        assertThat(card.getList("history[1].predecessors.points", Double.class)).containsExactly(72.5, 0.0);

        // Over borging and inhoud only: 2017 goal 1 is 25 + 27.5 = 52.5, weighted 14,544 x 52.5 / 43,611 = 17.51.
        JsonPath subset = json(TestTokens.analyst(),
                "/api/municipalities/GM1978/card?year=2021&components=borging,inhoud");
        assertThat(subset.getDouble("history[1].points")).isEqualTo(17.51);
        assertThat(subset.getDouble("goals.find { it.goal == 1 }.previousPoints")).isEqualTo(52.5);
    }

    @Test
    void the_region_view_folds_the_predecessors_and_lists_them_and_leaves_others_as_they_are() {
        JsonPath view = json(TestTokens.coordinator("Zuid-Holland Zuid"),
                "/api/regions/Zuid-Holland Zuid/municipalities?year=2021");

        String molenlanden = "municipalities.find { it.municipality == 'GM1978' }";
        assertThat(view.getInt(molenlanden + ".previousYear")).isEqualTo(2017);
        assertThat(view.getDouble(molenlanden + ".previousTotal")).isEqualTo(24.18);
        assertThat(view.getDouble(molenlanden + ".change")).isEqualTo(12.07);
        assertThat(view.getString(molenlanden + ".trend")).isEqualTo("UP");
        assertThat(view.getBoolean(molenlanden + ".previousFromPredecessors")).isTrue();
        assertThat(view.getList(molenlanden + ".predecessors.code", String.class))
                .containsExactly("GM0689", "GM1927");
        assertThat(view.getList(molenlanden + ".predecessors.share", Integer.class)).containsExactly(33, 67);

        String dordrecht = "municipalities.find { it.municipality == 'GM0505' }";
        assertThat(view.getDouble(dordrecht + ".previousTotal")).isEqualTo(45.0);
        assertThat(view.getDouble(dordrecht + ".change")).isEqualTo(27.5);
        assertThat(view.getBoolean(dordrecht + ".previousFromPredecessors")).isFalse();
        assertThat(view.getList(dordrecht + ".predecessors")).isEmpty();

    }

    @Test
    void the_comparison_reports_state_how_the_earlier_codes_were_folded_in() {
        JsonPath goalScores = json(TestTokens.coordinator("Zuid-Holland Zuid"),
                "/api/reports/goal-scores?year=2021&compareWith=2017&region=Zuid-Holland Zuid");
        assertThat(goalScores.getBoolean("mapping.mapped")).isTrue();
        assertThat(goalScores.getInt("mapping.divisionYear")).isEqualTo(2021);
        assertThat(goalScores.getInt("mapping.earlierDivisionYear")).isEqualTo(2017);
        String fold = "mapping.folds.find { it.into == 'GM1978' }";
        assertThat(goalScores.getList(fold + ".from.code", String.class)).containsExactly("GM0689", "GM1927");
        assertThat(goalScores.getList(fold + ".from.inhabitants", Integer.class)).containsExactly(14544, 29067);
        assertThat(goalScores.getList("mapping.folds.into", String.class)).doesNotContain("GM0505");
        assertThat(goalScores.getString("mapping.note")).contains("population-weighted");

        for (String report : new String[]{"measures", "policy-inclusion", "participation", "distribution", "extras"}) {
            assertThat(json(TestTokens.analyst(), "/api/reports/" + report + "?year=2021&compareWith=2014")
                    .getInt("mapping.earlierDivisionYear")).as(report).isEqualTo(2013);
        }
        assertThat(json(TestTokens.analyst(), "/api/reports/goal-scores?year=2021").getMap("mapping")).isNull();

        String csv = given().auth().oauth2(TestTokens.analyst())
                .get("/api/reports/division-mapping?year=2021&compareWith=2017&format=csv")
                .then().statusCode(200).extract().asString();
        assertThat(csv).contains("2021,2021,2017,2017,GM1978,Molenlanden,GM0689,Giessenlanden,14544,33,false,");
        given().auth().oauth2(TestTokens.coordinator("Groningen"))
                .get("/api/reports/division-mapping?year=2021&compareWith=2017&region=Zuid-Holland Zuid")
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.analyst()).get("/api/reports/division-mapping?year=2021")
                .then().statusCode(422);
        given().auth().oauth2(TestTokens.respondent("GM1978")).get("/api/reports/division-mapping?year=2021")
                .then().statusCode(403);
    }

    @Test
    void a_predecessors_score_is_projected_under_its_own_code_and_an_unknown_code_still_dead_letters() {
        assertThat(rows("SELECT region, size_class FROM reporting.municipality_score "
                + "WHERE municipality = 'GM0689' AND year = 2017"))
                .containsExactly(java.util.Map.of("region", "Zuid-Holland Zuid", "size_class", 1));
        // Giessenlanden has its 2017 card under its name of then (issue 26), and none for 2021, when it was gone.
        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/GM0689/card?year=2017")
                .then().statusCode(200).body("name", org.hamcrest.Matchers.equalTo("Giessenlanden"));
        given().auth().oauth2(TestTokens.analyst()).get("/api/municipalities/GM0689/card?year=2021")
                .then().statusCode(404);
    }

    private static JsonPath json(String token, String path) {
        return given().auth().oauth2(token).get(path).then().statusCode(200).extract().jsonPath();
    }
}
