package nl.monitor.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.SurveySubmitted;
import nl.monitor.domain.assessment.CategoryAnswer;
import nl.monitor.domain.assessment.GoalAnswer;
import nl.monitor.domain.assessment.OptionAnswer;
import nl.monitor.domain.questionnaire.Goal;
import nl.monitor.domain.questionnaire.Inclusion;
import nl.monitor.domain.questionnaire.MeasureCategory;
import nl.monitor.domain.questionnaire.MeasureOption;
import nl.monitor.domain.questionnaire.Questionnaires;
import nl.monitor.domain.questionnaire.ReachShare;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import io.restassured.response.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Not a test of correctness but a measurement, left out of the default build (tag {@code benchmark}): every
 * municipality of the 2021 division submits {@value #VERSIONS} versions of a full questionnaire (about 9 KB of
 * answers, as the pipeline benchmark's load) for one year, published as {@code survey-submitted} and
 * {@code score-computed}; once the live consumer has projected them, the read model is rebuilt {@value #REBUILDS}
 * times and each rebuild's events per second printed (the first one includes the JIT's warm-up). Asserts only that
 * the rebuild read every event and kept the newest versions.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
@Tag("benchmark")
class RebuildBenchmarkTest {

    private static final int YEAR = 2050;
    private static final int VERSIONS = 20;
    private static final int REBUILDS = 3;

    @Test
    void rebuild_of_every_municipality_with_several_versions() {
        List<Municipality> division = MunicipalityDivision.shipped().all();
        Random random = new Random(7);
        long bytes = 0;
        for (int version = 1; version <= VERSIONS; version++) {
            for (Municipality municipality : division) {
                SurveySubmitted submission = Cohort.submission(municipality.code(), YEAR, version, null,
                        goals(random));
                bytes += new EventCodec().encode(CloudEvent.of(EventType.SURVEY_SUBMITTED, "/survey-service",
                        municipality.code(), submission)).length();
                Cohort.publish(submission);
            }
        }
        int submissions = VERSIONS * division.size();
        System.out.printf("=== Rebuild benchmark: %d submissions (%d municipalities x %d versions), mean "
                + "survey-submitted %.1f KB ===%n", submissions, division.size(), VERSIONS, bytes / 1024.0 / submissions);
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).until(() -> ScoreEvents.rows(
                "SELECT 1 FROM reporting.municipality_score WHERE year = ? AND submission_version = ?", YEAR, VERSIONS)
                .size() == division.size() && ScoreEvents.rows("SELECT 1 FROM reporting.municipality_submission "
                + "WHERE year = ? AND version = ?", YEAR, VERSIONS).size() == division.size());

        for (int i = 1; i <= REBUILDS; i++) {
            long start = System.nanoTime();
            Response response = given().auth().oauth2(TestTokens.admin()).post("/api/admin/read-model/rebuild");
            double seconds = (System.nanoTime() - start) / 1e9;
            response.then().statusCode(200);
            long records = response.jsonPath().getLong("records");
            assertThat(records).isGreaterThanOrEqualTo(2L * submissions);
            System.out.printf("rebuild %d: %d events in %.2f s = %.0f events/s (%s)%n", i, records, seconds,
                    records / seconds, response.asString());
        }
        assertThat(ScoreEvents.rows("SELECT 1 FROM reporting.municipality_submission WHERE year = ? AND version = ?",
                YEAR, VERSIONS)).hasSize(division.size());
    }

    /** Every goal of the questionnaire answered, each category with about half of its options chosen. */
    private static GoalAnswer[] goals(Random random) {
        List<GoalAnswer> goals = new ArrayList<>();
        for (Goal goal : Questionnaires.version(1).goals()) {
            List<CategoryAnswer> categories = new ArrayList<>();
            for (MeasureCategory category : goal.categories()) {
                List<String> chosen = new ArrayList<>();
                for (MeasureOption option : category.options()) {
                    if (random.nextBoolean()) {
                        chosen.add(option.id());
                    }
                }
                if (chosen.isEmpty()) {
                    chosen.add(category.options().get(0).id());
                }
                categories.add(Cohort.category(category.id(), chosen.toArray(String[]::new)));
            }
            goals.add(Cohort.goal(goal.number(), Inclusion.values()[random.nextInt(Inclusion.values().length)],
                    random.nextBoolean(), true, ReachShare.values()[random.nextInt(ReachShare.values().length)],
                    categories.toArray(CategoryAnswer[]::new)));
        }
        return goals.toArray(GoalAnswer[]::new);
    }
}
