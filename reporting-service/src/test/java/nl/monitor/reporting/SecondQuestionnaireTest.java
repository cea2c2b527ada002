package nl.monitor.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static nl.monitor.domain.questionnaire.Inclusion.INCLUDED;
import static nl.monitor.domain.questionnaire.Inclusion.INTENDED;
import static nl.monitor.domain.questionnaire.Inclusion.NOT_INCLUDED;
import static nl.monitor.domain.questionnaire.ReachShare.EVERYONE;
import static nl.monitor.domain.questionnaire.ReachShare.MORE_THAN_HALF;
import static nl.monitor.reporting.Cohort.category;
import static nl.monitor.reporting.Cohort.goal;
import static nl.monitor.reporting.Cohort.publish;
import static nl.monitor.reporting.Cohort.submission;
import static nl.monitor.reporting.ScoreEvents.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The second instrument, questionnaire version 2 (the eleven BMC 2015 points of attention, data files of domain-core
 * only), reported by the same code as the Monitor's ten goals: a small cohort of 2082, scored under rules version 2.
 *
 * <pre>
 * A GM1950 point 11: Ja + document 25; acts 5 + escalation (1 of 2 x 22.5) = 27.5; insight, more than half 20 = 72.5
 *          point 1: Nee, nothing = 0                                          total 36.25 ORANGE
 * B GM1979 point 11: voornemen 5; acts 5 + both categories 45 = 50; insight, everyone 25 = 80    total 80 GREEN
 * C GM1895 point 3:  Ja without document 15; acts 5 + local plan 22.5 = 27.5; no insight = 42.5  total 42.5 ORANGE
 * D GM0193 2081: questionnaire version 1, goal 1 Nee = 0 (another instrument: no comparison with 2082)
 * </pre>
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class SecondQuestionnaireTest {

    private static final String A = "GM1950";
    private static final String B = "GM1979";
    private static final String C = "GM1895";
    private static final String D = "GM0193";
    private static final int YEAR = 2082;

    private static boolean published;

    @BeforeEach
    void publishCohortOnce() {
        if (published) {
            return;
        }
        publish(submission(2, A, YEAR, 1, null,
                goal(11, INCLUDED, true, true, MORE_THAN_HALF, category("escalation", "escalation-agreements"),
                        category("expertise", "not-in-policy")),
                goal(1, NOT_INCLUDED, false, false, null)));
        publish(submission(2, B, YEAR, 1, null,
                goal(11, INTENDED, false, true, EVERYONE, category("escalation", "joint-safety-plans"),
                        category("expertise", "local-team-training"))));
        publish(submission(2, C, YEAR, 1, null,
                goal(3, INCLUDED, false, true, null, category("local-plan", "local-elaboration"),
                        category("governance", "not-in-policy"))));
        publish(submission(1, D, YEAR - 1, 1, null, goal(1, NOT_INCLUDED, false, false, null)));
        await().atMost(Duration.ofSeconds(60)).until(() -> rows("SELECT 1 FROM reporting.municipality_score s "
                + "JOIN reporting.municipality_submission m USING (municipality, year) WHERE s.year IN (2081, 2082)")
                .size() == 4);
        published = true;
    }

    private static JsonPath analyst(String path) {
        return given().config(RestAssured.config().jsonConfig(
                        JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)))
                .auth().oauth2(TestTokens.analyst()).get(path).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void goal_scores_speak_the_eleven_points_of_attention() {
        JsonPath report = analyst("/api/reports/goal-scores?year=" + YEAR);
        assertThat(report.getList("goals.goal", Integer.class)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        assertThat(report.getString("goals[10].title"))
                .isEqualTo("Heldere afspraken over tijdig op- en afschalen Veilig Thuis");
        // Point 11: A 72.5, B 80 -> 76.25 -> 76.3; borging 25, 5 -> 15; inhoud 27.5, 50 -> 38.75 -> 38.8.
        assertThat(report.getInt("goals[10].years[0].n")).isEqualTo(2);
        assertThat(report.getDouble("goals[10].years[0].meanTotal")).isEqualTo(76.3);
        assertThat(report.getDouble("goals[10].years[0].meanBorging")).isEqualTo(15.0);
        assertThat(report.getDouble("goals[10].years[0].meanInhoud")).isEqualTo(38.8);
        assertThat(report.getDouble("goals[2].years[0].meanTotal")).isEqualTo(42.5);
        assertThat(report.getDouble("goals[0].years[0].meanTotal")).isEqualTo(0.0);
        // The Monitor's years still report its ten goals.
        assertThat(analyst("/api/reports/goal-scores?year=" + (YEAR - 1)).getList("goals")).hasSize(10);
    }

    @Test
    void measures_policy_inclusion_distribution_and_extras_of_the_second_instrument() {
        JsonPath measures = analyst("/api/reports/measures?year=" + YEAR);
        String escalation = "goals[10].categories.find { it.category == 'escalation' }.options"
                + ".find { it.option == 'escalation-agreements' }.years[0]";
        assertThat(measures.getInt(escalation + ".n")).isEqualTo(1);
        assertThat(measures.getInt(escalation + ".respondents")).isEqualTo(2);
        assertThat(measures.getInt(escalation + ".percent")).isEqualTo(50);

        JsonPath inclusion = analyst("/api/reports/policy-inclusion?year=" + YEAR);
        assertThat(inclusion.getInt("goals[10].years[0].included")).isEqualTo(1);
        assertThat(inclusion.getInt("goals[10].years[0].percent")).isEqualTo(50);

        // Totals 36.25, 80, 42.5: none below 25, B above 75 = 1 of 3 = 33 %; no point in policy: B (voornemen only).
        JsonPath distribution = analyst("/api/reports/distribution?year=" + YEAR);
        assertThat(distribution.getInt("years[0].n")).isEqualTo(3);
        assertThat(distribution.getInt("years[0].below")).isZero();
        assertThat(distribution.getInt("years[0].abovePercent")).isEqualTo(33);
        assertThat(distribution.getInt("years[0].noGoalInPolicy")).isEqualTo(1);

        // It asks no extra questions.
        JsonPath extras = analyst("/api/reports/extras?year=" + YEAR);
        assertThat(extras.getList("years[0].questions")).isEmpty();
        assertThat(extras.getList("years[0].grades")).isEmpty();
    }

    @Test
    void the_card_and_no_comparison_across_instruments() {
        JsonPath card = analyst("/api/municipalities/" + A + "/card?year=" + YEAR);
        assertThat(card.getList("goals")).hasSize(11);
        assertThat(card.getDouble("goals[10].points")).isEqualTo(72.5);
        assertThat(card.getString("goals[10].band")).isEqualTo("ORANGE");
        assertThat(card.getDouble("total.points")).isEqualTo(36.25);

        given().auth().oauth2(TestTokens.analyst())
                .get("/api/reports/goal-scores?year=" + YEAR + "&compareWith=" + (YEAR - 1)).then().statusCode(422)
                .body("errors[0].field", equalTo("compareWith")).body("errors[0].code", equalTo("other-questionnaire"));
    }
}
