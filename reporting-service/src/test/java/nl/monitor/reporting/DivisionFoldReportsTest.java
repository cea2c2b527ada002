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
import java.util.List;

import static io.restassured.RestAssured.given;
import static nl.monitor.domain.questionnaire.Inclusion.INCLUDED;
import static nl.monitor.domain.questionnaire.Inclusion.NOT_INCLUDED;
import static nl.monitor.reporting.Cohort.category;
import static nl.monitor.reporting.Cohort.extras;
import static nl.monitor.reporting.Cohort.goal;
import static nl.monitor.reporting.Cohort.publishSubmission;
import static nl.monitor.reporting.Cohort.submission;
import static nl.monitor.reporting.ScoreEvents.FULL_MARKS_FOR_2;
import static nl.monitor.reporting.ScoreEvents.NOTHING_FOR_10;
import static nl.monitor.reporting.ScoreEvents.WORKED_EXAMPLE;
import static nl.monitor.reporting.ScoreEvents.publish;
import static nl.monitor.reporting.ScoreEvents.rows;
import static nl.monitor.reporting.ScoreEvents.score;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The comparison reports other than goal scores, 2017 against 2014 in Brabant-Noord (issue 26): Schijndel (GM0844),
 * Sint-Oedenrode (GM0846) and Veghel (GM0860) of the 2013 division went into Meierijstad (GM1948) in 2017, each with
 * an equal third of its weight; Uden (GM0856) is in both divisions. A mean (a total below 25 / above 75, a grade, the
 * correlation of grade and total) folds the 2014 municipalities onto 2017's as the goal scores do; a count of
 * municipalities that chose something (a measure, a goal in policy, an extra question's option) stays over 2014's own
 * municipalities, and the mapping's note says which is which. No other test of this module scores these codes or
 * Brabant-Noord.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class DivisionFoldReportsTest {

    private static final Instant MAY = Instant.parse("2014-05-01T09:00:00Z");
    private static final GoalScore HALF_FOR_1 = new GoalScore(1, 15, 20, 10, 45, Band.ORANGE);
    private static final String REGION = "&region=Brabant-Noord";

    @BeforeAll
    static void publishWaves() {
        // 2014: totals 0 / 72.5 / 100 / 45, current grades 4 / 8 / 6 / 5, goal 1 in policy in Schijndel and Uden
        answer("GM0844", 2014, 4, INCLUDED, NOTHING_FOR_10);
        answer("GM0846", 2014, 8, NOT_INCLUDED, WORKED_EXAMPLE);
        answer("GM0860", 2014, 6, NOT_INCLUDED, FULL_MARKS_FOR_2);
        answer("GM0856", 2014, 5, INCLUDED, HALF_FOR_1);
        // 2017: Meierijstad 72.5, Uden 100
        answer("GM1948", 2017, 7, INCLUDED, WORKED_EXAMPLE);
        answer("GM0856", 2017, 9, INCLUDED, FULL_MARKS_FOR_2);
        await().atMost(Duration.ofSeconds(60)).until(() -> rows("SELECT 1 FROM reporting.municipality_score s "
                + "JOIN reporting.municipality_submission m USING (municipality, year) "
                + "WHERE s.municipality IN ('GM0844', 'GM0846', 'GM0860', 'GM0856', 'GM1948')").size() == 6);
    }

    private static void answer(String code, int year, int currentGrade,
                               nl.monitor.domain.questionnaire.Inclusion inclusion, GoalScore score) {
        publishSubmission(submission(code, year, 1, extras(List.of("parents-not-reached"), List.of(), null,
                currentGrade, null, "no", null, null), goal(1, inclusion, false, true, null,
                category("subsidy-conditions", inclusion == INCLUDED ? "attention-officer" : "not-in-policy"))));
        publish(score(code, year, 1, 1, MAY.plus(Duration.ofDays(365L * (year - 2014))), score));
    }

    @Test
    void the_distribution_counts_2014s_totals_over_2017s_municipalities() {
        JsonPath report = analyst("/api/reports/distribution?year=2017&compareWith=2014" + REGION);

        // folded: Meierijstad (0 + 72.5 + 100) / 3 = 57.5, Uden 45: n 2, none below 25 or above 75
        // (unfolded it would be n 4, Schijndel below, Veghel above)
        assertThat(report.getInt("years[0].year")).isEqualTo(2014);
        assertThat(report.getLong("years[0].n")).isEqualTo(2);
        assertThat(report.getLong("years[0].below")).isZero();
        assertThat(report.getLong("years[0].above")).isZero();
        // who had no goal in policy is not folded: over 2014's four respondents (Sint-Oedenrode, Veghel)
        assertThat(report.getLong("years[0].respondents")).isEqualTo(4);
        assertThat(report.getLong("years[0].noGoalInPolicy")).isEqualTo(2);
        assertThat(report.getLong("years[1].n")).isEqualTo(2);
        assertThat(report.getLong("years[1].above")).isEqualTo(1);
        assertThat(report.getString("mapping.note")).contains("This report folds the totals counted below 25 and "
                + "above 75 of 2014").contains("respondents and those with no goal in policy of 2014 are counted "
                + "over its own 2013 municipalities");
        assertThat(report.getList("mapping.folds.into", String.class)).contains("GM1948");   // and Maasdonk's split
    }

    @Test
    void measures_and_policy_inclusion_stay_counted_over_2014s_own_municipalities_and_say_so() {
        JsonPath measures = analyst("/api/reports/measures?year=2017&compareWith=2014" + REGION);
        String option = "goals[0].categories.find { it.category == 'subsidy-conditions' }.options"
                + ".find { it.option == 'attention-officer' }";
        assertThat(measures.getInt(option + ".years[0].year")).isEqualTo(2014);
        assertThat(measures.getLong(option + ".years[0].n")).isEqualTo(2);
        assertThat(measures.getLong(option + ".years[0].respondents")).isEqualTo(4);
        assertThat(measures.getInt(option + ".years[0].percent")).isEqualTo(50);
        assertThat(measures.getLong(option + ".years[1].n")).isEqualTo(2);
        assertThat(measures.getString("mapping.note")).contains("not folded")
                .contains("The measures' counts, respondents and shares of 2014")
                .doesNotContain("This report folds");

        JsonPath policy = analyst("/api/reports/policy-inclusion?year=2017&compareWith=2014" + REGION);
        assertThat(policy.getLong("goals[0].years[0].included")).isEqualTo(2);
        assertThat(policy.getLong("goals[0].years[0].respondents")).isEqualTo(4);
        assertThat(policy.getLong("goals[0].years[1].included")).isEqualTo(2);
        assertThat(policy.getString("mapping.note")).contains("goals included in policy").contains("not folded");

        // both years of one division: nothing is folded, and the note says nothing of it
        assertThat(analyst("/api/reports/measures?year=2031&compareWith=2030" + REGION).getString("mapping.note"))
                .doesNotContain("not folded");
    }

    @Test
    void the_extras_fold_2014s_grades_and_their_correlation_but_not_its_choices() {
        JsonPath extras = analyst("/api/reports/extras?year=2017&compareWith=2014" + REGION);
        String current = "years[0].grades.find { it.grade == 'current' }";
        // folded: Meierijstad (4 + 8 + 6) / 3 = 6, Uden 5: mean 5.5 over 2 (unfolded 5.75 over 4)
        assertThat(extras.getInt("years[0].year")).isEqualTo(2014);
        assertThat(extras.getLong(current + ".n")).isEqualTo(2);
        assertThat(extras.getDouble(current + ".mean")).isEqualTo(5.5);
        // r over (6, 57.5) and (5, 45): 1 (unfolded over the four 0.71)
        assertThat(extras.getLong("years[0].correlation.n")).isEqualTo(2);
        assertThat(extras.getDouble("years[0].correlation.r")).isEqualTo(1.0);
        // the grade nobody gave stays empty
        assertThat(extras.getLong("years[0].grades.find { it.grade == 'past' }.n")).isZero();
        // the choices of 2014 stay over its four respondents
        String risks = ".questions.find { it.question == 'risk-group-figures' }.respondents";
        assertThat(extras.getLong("years[0]" + risks)).isEqualTo(4);
        assertThat(extras.getLong("years[1]" + risks)).isEqualTo(2);
        assertThat(extras.getString("mapping.note")).contains("This report folds the grade means")
                .contains("extra questions' choices and respondents of 2014 are counted over its own");
    }

    private static JsonPath analyst(String path) {
        return given().auth().oauth2(TestTokens.analyst()).get(path).then().statusCode(200).extract().jsonPath();
    }
}
