package nl.monitor.scoring;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.SurveySubmitted;
import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.domain.assessment.GoalAnswer;
import nl.monitor.testsupport.EventPublisher;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.PostgresServer;
import nl.monitor.testsupport.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thresholds as configured for the tests (application.properties, profile test): margin 10, goal 3 watched at 40.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class ThresholdSettingsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private final EventCodec codec = new EventCodec();
    private TopicReader computed;
    private TopicReader crossed;

    @BeforeEach
    void readTopics() {
        computed = new TopicReader(EventType.SCORE_COMPUTED.topic());
        crossed = new TopicReader(EventType.THRESHOLD_CROSSED.topic());
    }

    @AfterEach
    void closeReaders() {
        computed.close();
        crossed.close();
    }

    private void submit(String municipality, int version, List<GoalAnswer> goals) {
        CloudEvent<SurveySubmitted> event = CloudEvent.of(EventType.SURVEY_SUBMITTED, "/survey-service", municipality,
                new SurveySubmitted(UUID.randomUUID(), municipality, 2017, 1, version, Instant.now(), goals, null));
        EventPublisher.shared().send(EventType.SURVEY_SUBMITTED.topic(), municipality, codec.encode(event));
    }

    /** The thresholds the municipality stood below after each of its scores of 2017, by submission version. */
    private static List<String> statesOf(String municipality) {
        try (Connection connection = PostgresServer.shared().connect();
             PreparedStatement statement = connection.prepareStatement("SELECT submission_version, below_thresholds "
                     + "FROM scoring.score WHERE municipality = ? AND year = 2017 ORDER BY submission_version")) {
            statement.setString(1, municipality);
            List<String> states = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    // jsonb prints its array with ", " between the elements
                    String below = rows.getString(2);
                    states.add("v" + rows.getInt(1) + " " + (below == null ? null : below.replace("\", \"", "\",\"")));
                }
            }
            return states;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void with_a_margin_a_total_moving_about_its_threshold_alerts_down_once_and_up_once() {
        submit("GM0050", 1, Answers.red());               // 2.5: below 25
        submit("GM0050", 2, Answers.justAboveTheNorm());  // 25.83: under 25 + 10, still below
        submit("GM0050", 3, Answers.red());               // 2.5: still below, no second alert
        submit("GM0050", 4, Answers.orange());            // 36.25: past 35, back up

        List<String> onTheNorm = crossed.await(r -> r.key().equals("GM0050")
                        && r.value().contains("\"scope\":\"TOTAL\"") && r.value().contains("\"value\":25.0"), 2, DEADLINE)
                .stream().map(r -> codec.<ThresholdCrossed>decode(r.value(), EventType.THRESHOLD_CROSSED).data())
                .map(c -> c.direction() + " " + c.previousScore() + " -> " + c.newScore()).toList();
        computed.await(r -> r.key().equals("GM0050") && r.value().contains("\"submissionVersion\":4"), 1, DEADLINE);

        assertThat(onTheNorm).containsExactly("DOWN null -> 2.5", "UP 2.5 -> 36.25");
        assertThat(statesOf("GM0050")).containsExactly(
                "v1 [\"total<25.0\",\"total<75.0\",\"goal3<40.0\"]",
                "v2 [\"total<25.0\",\"total<75.0\",\"goal3<40.0\"]",
                "v3 [\"total<25.0\",\"total<75.0\",\"goal3<40.0\"]",
                "v4 [\"total<75.0\",\"goal3<40.0\"]");
        // Goal 3 at 5 in v1 and v3 and 5 again in v2: it crossed once, on the first score.
        assertThat(crossed.seen()).filteredOn(r -> r.key().equals("GM0050")
                && r.value().contains("\"scope\":\"GOAL\"")).hasSize(1);
    }

    @Test
    void a_goal_threshold_crosses_on_that_goal_score_with_its_bands() {
        submit("GM0059", 1, Answers.red());              // goal 3: 5, below 40

        ThresholdCrossed down = crossed.await(r -> r.key().equals("GM0059")
                && r.value().contains("\"scope\":\"GOAL\""), 1, DEADLINE).stream()
                .map(r -> codec.<ThresholdCrossed>decode(r.value(), EventType.THRESHOLD_CROSSED).data())
                .findFirst().orElseThrow();
        assertThat(down.threshold().goal()).isEqualTo(3);
        assertThat(down.threshold().value()).isEqualTo(40.0);
        assertThat(down.direction()).isEqualTo(ThresholdCrossed.Direction.DOWN);
        assertThat(down.previousScore()).isNull();
        assertThat(down.newScore()).isEqualTo(5.0);
        assertThat(down.region()).isEqualTo("Fryslân");

        // Goal 3 unanswered: its state stays, and nothing crosses on it; 36.25 is past 25 + 10: the total goes up.
        submit("GM0059", 2, Answers.orange());
        computed.await(r -> r.key().equals("GM0059") && r.value().contains("\"submissionVersion\":2"), 1, DEADLINE);
        assertThat(statesOf("GM0059")).containsExactly(
                "v1 [\"total<25.0\",\"total<75.0\",\"goal3<40.0\"]",
                "v2 [\"total<75.0\",\"goal3<40.0\"]");
    }
}
