package nl.monitor.scoring;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.ScoreComputed;
import nl.monitor.contracts.SurveySubmitted;
import nl.monitor.domain.assessment.BereikAnswer;
import nl.monitor.domain.assessment.BorgingAnswer;
import nl.monitor.domain.assessment.CategoryAnswer;
import nl.monitor.domain.assessment.GoalAnswer;
import nl.monitor.domain.assessment.InhoudAnswer;
import nl.monitor.domain.assessment.OptionAnswer;
import nl.monitor.domain.questionnaire.Inclusion;
import nl.monitor.domain.questionnaire.ReachShare;
import nl.monitor.domain.scoring.Band;
import nl.monitor.testsupport.EventPublisher;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.TopicReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A year answered with questionnaire version 2 (the BMC 2015 points of attention, data files only) is scored under
 * the latest rules for it, version 2, with no setting: point 11 scores as a goal does. A point the questionnaire does
 * not have is poison.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class SecondQuestionnaireScoringTest {

    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private final EventCodec codec = new EventCodec();

    private static GoalAnswer point(int number, String category, String option) {
        return new GoalAnswer(number, new BorgingAnswer(Inclusion.INCLUDED, true, List.of("regional-vision"), null),
                new InhoudAnswer(true, List.of(new CategoryAnswer(category, List.of(OptionAnswer.of(option)))), null),
                new BereikAnswer(true, ReachShare.MORE_THAN_HALF));
    }

    private String submit(String municipality, GoalAnswer... goals) {
        SurveySubmitted submitted = new SurveySubmitted(UUID.randomUUID(), municipality, 2086, 2, 1, Instant.now(),
                List.of(goals), null);
        EventPublisher.shared().send(EventType.SURVEY_SUBMITTED.topic(), municipality,
                codec.encode(CloudEvent.of(EventType.SURVEY_SUBMITTED, "/survey-service", municipality, submitted)));
        return submitted.submissionId().toString();
    }

    @Test
    void point_11_is_scored_under_rules_version_2() {
        try (TopicReader computed = new TopicReader(EventType.SCORE_COMPUTED.topic());
             TopicReader deadLetters = new TopicReader("scoring-service.survey-submitted.dlq")) {
            // Point 11: included and laid down 25; acts 5 + escalation, 1 of its 2 categories 22.5; insight, more
            // than half 20 = 72.5. The expertise category is left unanswered: with measures deployed that is refused,
            // so answer it "not in policy".
            GoalAnswer point11 = new GoalAnswer(11,
                    new BorgingAnswer(Inclusion.INCLUDED, true, List.of("regional-vision"), null),
                    new InhoudAnswer(true, List.of(
                            new CategoryAnswer("escalation", List.of(OptionAnswer.of("escalation-agreements"))),
                            new CategoryAnswer("expertise", List.of(OptionAnswer.of("not-in-policy")))), null),
                    new BereikAnswer(true, ReachShare.MORE_THAN_HALF));
            String id = submit("GM0150", point11);
            ScoreComputed score = codec.<ScoreComputed>decode(computed.await(r -> r.value().contains(id), 1,
                    DEADLINE).get(0).value(), EventType.SCORE_COMPUTED).data();
            assertThat(score.rulesVersion()).isEqualTo(2);
            assertThat(score.goals()).singleElement().satisfies(g -> {
                assertThat(g.goal()).isEqualTo(11);
                assertThat(g.total()).isEqualTo(72.5);
                assertThat(g.band()).isEqualTo(Band.ORANGE);
            });

            // Point 12 exists in no questionnaire: the schema lets it through, the questionnaire does not.
            String poison = submit("GM0153", point(12, "escalation", "escalation-agreements"));
            String reason = new String(deadLetters.await(r -> r.value().contains(poison), 1, DEADLINE).get(0)
                    .headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertThat(reason).contains("unknown-goal");
        }
    }
}
