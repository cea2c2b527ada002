package nl.monitor.reporting;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.monitor.reporting.repository.ReleasedReadModel;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static nl.monitor.domain.questionnaire.Inclusion.INCLUDED;
import static nl.monitor.domain.questionnaire.Inclusion.INTENDED;
import static nl.monitor.domain.questionnaire.ReachShare.EVERYONE;
import static nl.monitor.reporting.Cohort.extras;
import static nl.monitor.reporting.Cohort.goal;
import static nl.monitor.reporting.Cohort.publish;
import static nl.monitor.reporting.Cohort.submission;
import static nl.monitor.reporting.ScoreEvents.execute;
import static nl.monitor.reporting.ScoreEvents.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * V15: the read model keeps per answered goal whether it is laid down and in which documents — projected from
 * survey-submitted, brought back by a rebuild, and copied by a release (V14's released_submission_goal). Year 2046,
 * which no other test publishes.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class GoalDocumentsReadModelTest {

    private static final int YEAR = 2046;
    private static final String SNAPSHOT = "SELECT goal, laid_down, documents::text AS documents FROM reporting.%s "
            + "WHERE municipality = 'GM0193' AND year = " + YEAR + " ORDER BY goal";

    @Inject
    ReleasedReadModel released;

    @Test
    void laid_down_and_documents_are_projected_rebuilt_and_released() {
        publish(submission("GM0193", YEAR, 1, extras(List.of(), List.of(), null, null, null, null, null, null),
                goal(1, INCLUDED, List.of("wmo-framework-memo", "regional-vision"), true, EVERYONE),
                goal(2, INTENDED, List.of(), false, null)));
        await().atMost(Duration.ofSeconds(60)).until(() -> rows(SNAPSHOT.formatted("submission_goal")).size() == 2);
        List<?> projected = rows(SNAPSHOT.formatted("submission_goal"));
        assertThat(projected.toString()).isEqualTo("[{goal=1, laid_down=true, documents=[\"wmo-framework-memo\", "
                + "\"regional-vision\"]}, {goal=2, laid_down=false, documents=[]}]");

        // A damaged read model (as rows projected before V15 are: laid_down unknown) is brought back by a rebuild.
        execute("UPDATE reporting.submission_goal SET laid_down = NULL, documents = '[]' WHERE municipality = "
                + "'GM0193' AND year = " + YEAR);
        given().auth().oauth2(TestTokens.admin()).post("/api/admin/read-model/rebuild").then().statusCode(200);
        assertThat(rows(SNAPSHOT.formatted("submission_goal")).toString()).isEqualTo(projected.toString());

        // A release copies the columns (INSERT ... SELECT *: the copy has them in the same order).
        assertThat(released.releaseIf(YEAR, (year, differing) -> true)).isTrue();
        assertThat(rows(SNAPSHOT.formatted("released_submission_goal")).toString()).isEqualTo(projected.toString());
    }
}
