package nl.monitor.domain.questionnaire;

import nl.monitor.domain.assessment.Assessment;
import nl.monitor.domain.assessment.AssessmentValidator;
import nl.monitor.domain.assessment.BereikAnswer;
import nl.monitor.domain.assessment.BorgingAnswer;
import nl.monitor.domain.assessment.CategoryAnswer;
import nl.monitor.domain.assessment.ExtraAnswers;
import nl.monitor.domain.assessment.GoalAnswer;
import nl.monitor.domain.assessment.InhoudAnswer;
import nl.monitor.domain.assessment.OptionAnswer;
import nl.monitor.domain.assessment.ViolationCode;
import nl.monitor.domain.scoring.AssessmentScore;
import nl.monitor.domain.scoring.Band;
import nl.monitor.domain.scoring.Scorer;
import nl.monitor.domain.scoring.ScoringRules;
import nl.monitor.domain.scoring.ScoringRulesCatalog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Questionnaire version 2, the BMC 2015 points of attention: loaded, validated and scored by the same code as v1. */
class SecondInstrumentTest {

    private static final Questionnaire V2 = Questionnaires.version(2);

    @Test
    void the_eleven_points_of_attention_of_seed_001() {
        assertThat(V2.goals()).extracting(Goal::number).containsExactlyElementsOf(
                IntStream.rangeClosed(1, 11).boxed().toList());
        assertThat(V2.goal(1).orElseThrow().title()).isEqualTo("Afspraken rond informatie-uitwisseling");
        assertThat(V2.goal(11).orElseThrow().title())
                .isEqualTo("Heldere afspraken over tijdig op- en afschalen Veilig Thuis");
        assertThat(V2.extraQuestions()).isEmpty();
        assertThat(Questionnaires.all()).extracting(Questionnaire::version).containsExactly(1, 2);
        assertThat(Questionnaires.goalNumbers()).containsExactlyElementsOf(IntStream.rangeClosed(1, 11).boxed().toList());
        // The default stays the Monitor's ten goals.
        assertThat(Questionnaires.latest().goals()).hasSize(10);
    }

    @Test
    void each_questionnaire_is_scored_by_its_own_latest_rules() {
        assertThat(ScoringRulesCatalog.latestFor(1)).map(ScoringRules::version).contains(1);
        assertThat(ScoringRulesCatalog.latestFor(2)).map(ScoringRules::version).contains(2);
        assertThat(ScoringRulesCatalog.latestFor(3)).isEmpty();
        assertThat(ScoringRulesCatalog.version(2).goalMaximum()).isEqualTo(100);
    }

    @Test
    void an_assessment_of_points_1_and_11_validates_and_scores() {
        GoalAnswer point11 = new GoalAnswer(11,
                new BorgingAnswer(Inclusion.INCLUDED, true, List.of("cooperation-agreement"), null),   // 25
                new InhoudAnswer(true, List.of(                                                        // 5 + 22.5
                        new CategoryAnswer("escalation", List.of(OptionAnswer.of("escalation-agreements"))),
                        new CategoryAnswer("expertise", List.of(OptionAnswer.of("not-in-policy")))), null),
                new BereikAnswer(true, ReachShare.LESS_THAN_HALF));                                    // 15
        GoalAnswer point1 = new GoalAnswer(1, new BorgingAnswer(Inclusion.NOT_INCLUDED, false, List.of(), null),
                new InhoudAnswer(false, List.of(), null), new BereikAnswer(false, null));                // 0
        Assessment assessment = new Assessment("GM0363", 2032, 2, List.of(point11, point1), null);

        assertThat(new AssessmentValidator(V2).validate(assessment)).isEmpty();
        AssessmentScore score = new Scorer(ScoringRulesCatalog.version(2)).score(assessment);
        assertThat(score.goal(11).orElseThrow().total()).isEqualTo(67.5);
        assertThat(score.goal(11).orElseThrow().band()).isEqualTo(Band.ORANGE);
        assertThat(score.total()).isEqualTo(33.75);
        assertThat(score.goalsAnswered()).isEqualTo(2);
    }

    @Test
    void a_point_12_or_an_extra_question_v2_does_not_ask_is_refused() {
        GoalAnswer point12 = new GoalAnswer(12, new BorgingAnswer(Inclusion.NOT_INCLUDED, false, List.of(), null),
                new InhoudAnswer(false, List.of(), null), new BereikAnswer(false, null));
        ExtraAnswers extras = new ExtraAnswers(List.of(), List.of(), null, null, null, null, null, "yes");
        assertThat(new AssessmentValidator(V2).validate(new Assessment("GM0363", 2032, 2, List.of(point12), extras)))
                .extracting(v -> v.path() + " " + v.code())
                .containsExactly("goals[0].goal " + ViolationCode.UNKNOWN_GOAL,
                        "extras.regionalVision " + ViolationCode.UNKNOWN_QUESTION);
    }
}
