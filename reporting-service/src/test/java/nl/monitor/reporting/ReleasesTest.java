package nl.monitor.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import nl.monitor.contracts.SurveySubmitted;
import nl.monitor.domain.assessment.GoalAnswer;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static nl.monitor.domain.questionnaire.Inclusion.INCLUDED;
import static nl.monitor.domain.questionnaire.Inclusion.INTENDED;
import static nl.monitor.domain.questionnaire.Inclusion.NOT_INCLUDED;
import static nl.monitor.domain.questionnaire.ReachShare.EVERYONE;
import static nl.monitor.domain.questionnaire.ReachShare.MORE_THAN_HALF;
import static nl.monitor.domain.questionnaire.ReachShare.NONE;
import static nl.monitor.reporting.Cohort.category;
import static nl.monitor.reporting.Cohort.extras;
import static nl.monitor.reporting.Cohort.goal;
import static nl.monitor.reporting.Cohort.publish;
import static nl.monitor.reporting.Cohort.submission;
import static nl.monitor.reporting.ScoreEvents.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 25, differencing by polling: a respondent or coordinator who reads the means before and after one
 * municipality's submission must not see them move by that one municipality. Their aggregates (the card's means, the
 * region's reports) change only when at least k = 3 municipalities differ from what they were shown (new or
 * resubmitted), or when the year's wave is closed; an analyst sees every change at once. The year 2085 is this
 * test's own, all in the Veilig Thuis region Groningen.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class ReleasesTest {

    private static final int YEAR = 2085;
    private static final String VIEWER = "GM0014";
    private static final String CARD = "/api/municipalities/" + VIEWER + "/card?year=" + YEAR;
    private static final String REGION_SCORES = "/api/reports/goal-scores?year=" + YEAR + "&region=Groningen";
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void the_means_respondents_and_coordinators_see_move_only_by_k_municipalities_or_a_closed_wave() {
        submit(VIEWER, 1, goal(1, INCLUDED, true, true, EVERYONE, category("own-action", "campaign")));
        submit("GM0037", 1, goal(1, NOT_INCLUDED, false, false, null));
        submit("GM0047", 1, goal(1, INTENDED, false, true, null, category("programme-purchasing", "voorzorg")));
        submit("GM0765", 1, goal(1, INCLUDED, false, false, NONE));
        // Four scored, three others of the viewer: the first read of a respondent releases them all.
        Shown first = shown();
        assertThat(first.countryMean()).isNotNull().isEqualTo(liveCountryMean());
        assertThat(first.regionN()).isEqualTo(4);

        // One new municipality, then one resubmission: an analyst sees each at once, the others nothing of them.
        submit("GM1895", 1, goal(1, INCLUDED, true, false, MORE_THAN_HALF));
        assertThat(liveCountryMean()).isNotEqualTo(first.countryMean());
        assertThat(shown()).isEqualTo(first);
        submit("GM0037", 2, goal(1, INCLUDED, true, true, EVERYONE, category("own-action", "campaign"),
                category("subsidy-conditions", "attention-officer")));
        assertThat(shown()).isEqualTo(first);

        // The third municipality that differs from the release: released, now the same as the analyst's.
        submit("GM1950", 1, goal(1, INTENDED, false, false, null));
        Shown third = shown();
        assertThat(third.countryMean()).isEqualTo(liveCountryMean()).isNotEqualTo(first.countryMean());
        assertThat(third.regionN()).isEqualTo(6);

        // One more resubmission waits, until the wave is closed.
        submit("GM0047", 2, goal(1, NOT_INCLUDED, false, false, null));
        assertThat(liveCountryMean()).isNotEqualTo(third.countryMean());
        assertThat(shown()).isEqualTo(third);
        Waves.record("wave.closed", YEAR, Instant.parse("2085-12-01T00:00:00Z"));
        Shown closed = shown();
        assertThat(closed.countryMean()).isEqualTo(liveCountryMean()).isNotEqualTo(third.countryMean());

        // Reopened, it waits again for k.
        Waves.record("wave.reopened", YEAR, Instant.parse("2085-12-02T00:00:00Z"));
        submit("GM0765", 2, goal(1, INCLUDED, true, true, EVERYONE, category("own-action", "campaign")));
        assertThat(liveCountryMean()).isNotEqualTo(closed.countryMean());
        assertThat(shown()).isEqualTo(closed);
    }

    /**
     * What they are shown: the card's country mean (the viewer's respondent and the region's coordinator, the same,
     * asserted) and the coordinator's region report (respondents read no aggregate report).
     */
    private record Shown(Double countryMean, Double regionMeanTotal, long regionN) {
    }

    private static Shown shown() {
        Double countryMean = json(TestTokens.respondent(VIEWER), CARD).getObject("goals[0].countryMean", Double.class);
        String coordinator = TestTokens.coordinator("Groningen");
        assertThat(json(coordinator, CARD).getObject("goals[0].countryMean", Double.class)).isEqualTo(countryMean);
        JsonPath region = json(coordinator, REGION_SCORES);
        return new Shown(countryMean, region.getObject("goals[0].years[0].meanTotal", Double.class),
                region.getLong("goals[0].years[0].n"));
    }

    private static Double liveCountryMean() {
        return json(TestTokens.analyst(), CARD).getObject("goals[0].countryMean", Double.class);
    }

    private static JsonPath json(String token, String path) {
        return given().auth().oauth2(token).get(path).then().statusCode(200).extract().jsonPath();
    }

    /** Publishes a version of the municipality's assessment and waits until both read models hold it. */
    private static void submit(String municipality, int version, GoalAnswer goal) {
        SurveySubmitted submission = submission(municipality, YEAR, version,
                extras(List.of(), List.of(), null, null, null, null, null, null), goal);
        publish(submission);
        await().atMost(DEADLINE).until(() -> !rows("SELECT 1 FROM reporting.municipality_score WHERE municipality = ? "
                + "AND year = ? AND submission_version = ?", municipality, YEAR, version).isEmpty()
                && !rows("SELECT 1 FROM reporting.municipality_submission WHERE municipality = ? AND year = ? "
                + "AND version = ?", municipality, YEAR, version).isEmpty());
    }
}
