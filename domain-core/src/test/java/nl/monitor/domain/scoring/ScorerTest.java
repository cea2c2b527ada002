package nl.monitor.domain.scoring;

import nl.monitor.domain.assessment.AssessmentValidator;
import nl.monitor.domain.assessment.BorgingAnswer;
import nl.monitor.domain.assessment.CategoryAnswer;
import nl.monitor.domain.assessment.GoalAnswer;
import nl.monitor.domain.assessment.InhoudAnswer;
import nl.monitor.domain.assessment.OptionAnswer;
import nl.monitor.domain.questionnaire.Inclusion;
import nl.monitor.domain.questionnaire.MeasureCategory;
import nl.monitor.domain.questionnaire.ReachShare;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static nl.monitor.domain.Answers.V1;
import static nl.monitor.domain.Answers.assessment;
import static nl.monitor.domain.Answers.borging;
import static nl.monitor.domain.Answers.firstMeasure;
import static nl.monitor.domain.Answers.goal;
import static nl.monitor.domain.Answers.includedAndLaidDown;
import static nl.monitor.domain.Answers.measuresIn;
import static nl.monitor.domain.Answers.noInsight;
import static nl.monitor.domain.Answers.noMeasures;
import static nl.monitor.domain.Answers.reached;
import static nl.monitor.domain.Answers.workedExample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ScorerTest {

    private static final double EXACT = 1e-9;
    private final Scorer scorer = new Scorer(ScoringRulesCatalog.version(1));

    @Test
    void worked_example_of_the_spec_scores_goal_1_at_72_5_orange() {
        GoalScore score = scorer.score(workedExample());

        assertThat(score.borging()).isEqualTo(25.0);
        assertThat(score.inhoud()).isEqualTo(27.5);
        assertThat(score.bereik()).isEqualTo(20.0);
        assertThat(score.total()).isEqualTo(72.5);
        assertThat(score.band()).isEqualTo(Band.ORANGE);
    }

    @ParameterizedTest(name = "{0}, laid down {1} -> {2}")
    @CsvSource({
            "INCLUDED,     true,  25",
            "INCLUDED,     false, 15",
            "INTENDED,     false,  5",
            "NOT_INCLUDED, false,  0",
    })
    void borging_scores_inclusion_and_laid_down(Inclusion inclusion, boolean laidDown, double expected) {
        BorgingAnswer answer = new BorgingAnswer(inclusion, laidDown,
                laidDown ? List.of("implementation-plan") : List.of(), null);

        GoalScore score = scorer.score(goal(3, answer, noMeasures(), noInsight()));

        assertThat(score.borging()).isEqualTo(expected);
        assertThat(score.total()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "share {0} -> {1}")
    @CsvSource({
            "NONE,           10",
            "LESS_THAN_HALF, 15",
            "MORE_THAN_HALF, 20",
            "EVERYONE,       25",
    })
    void bereik_scores_insight_and_the_share_reached(ReachShare share, double expected) {
        GoalScore score = scorer.score(goal(4, borging(Inclusion.NOT_INCLUDED), noMeasures(), reached(share)));

        assertThat(score.bereik()).isEqualTo(expected);
    }

    @Test
    void bereik_without_insight_scores_nothing() {
        assertThat(scorer.score(goal(4, borging(Inclusion.NOT_INCLUDED), noMeasures(), noInsight())).bereik())
                .isZero();
    }

    /** 5 for deploying measures, plus 45 divided over the goal's categories (hand-computed, per category count). */
    @ParameterizedTest(name = "goal {0}: {1} of its categories -> {2}")
    @CsvSource({
            // goal 10 has 2 categories of 22.5
            "10, 0,  5",
            "10, 1, 27.5",
            "10, 2, 50",
            // goals 2, 3, 6, 7 and 8 have 3 categories of 15
            " 2, 1, 20",
            " 6, 2, 35",
            " 8, 3, 50",
            // goals 1 and 4 have 4 categories of 11.25
            " 1, 1, 16.25",
            " 1, 2, 27.5",
            " 4, 3, 38.75",
            " 4, 4, 50",
            // goals 5 and 9 have 5 categories of 9
            " 5, 1, 14",
            " 9, 4, 41",
            " 9, 5, 50",
    })
    void inhoud_divides_45_points_equally_over_the_categories(int goal, int withMeasures, double expected) {
        GoalScore score = scorer.score(goal(goal, borging(Inclusion.NOT_INCLUDED), measuresIn(goal, withMeasures),
                noInsight()));

        assertThat(score.inhoud()).isCloseTo(expected, within(EXACT));
    }

    @Test
    void inhoud_without_deploying_measures_scores_nothing() {
        assertThat(scorer.score(goal(1, borging(Inclusion.NOT_INCLUDED), noMeasures(), noInsight())).inhoud())
                .isZero();
    }

    @Test
    void a_category_earns_its_share_once_however_many_options_are_chosen() {
        MeasureCategory category = V1.goal(10).orElseThrow().categories().get(0);
        InhoudAnswer answer = new InhoudAnswer(true, List.of(
                new CategoryAnswer(category.id(), List.of(OptionAnswer.of("billboards"),
                        OptionAnswer.of("regional-television"), new OptionAnswer("other", "Abri-posters"))),
                new CategoryAnswer("municipal-information", List.of(OptionAnswer.of("not-in-policy")))), null);

        assertThat(scorer.score(goal(10, borging(Inclusion.NOT_INCLUDED), answer, noInsight())).inhoud())
                .isEqualTo(27.5);
    }

    @Test
    void anders_counts_only_with_text() {
        InhoudAnswer withText = andersOnlyInGoal10("Posters in het gemeentehuis");
        InhoudAnswer blank = andersOnlyInGoal10("   ");

        assertThat(scorer.score(goal(10, borging(Inclusion.NOT_INCLUDED), withText, noInsight())).inhoud())
                .isEqualTo(27.5);
        assertThat(scorer.score(goal(10, borging(Inclusion.NOT_INCLUDED), blank, noInsight())).inhoud())
                .isEqualTo(5.0);
    }

    private static InhoudAnswer andersOnlyInGoal10(String text) {
        return new InhoudAnswer(true, List.of(
                new CategoryAnswer("municipal-campaign", List.of(new OptionAnswer("other", text))),
                new CategoryAnswer("municipal-information", List.of(OptionAnswer.of("not-in-policy")))), null);
    }

    @Test
    void not_in_policy_earns_nothing() {
        assertThat(scorer.score(goal(2, borging(Inclusion.NOT_INCLUDED), measuresIn(2, 0), noInsight())).inhoud())
                .isEqualTo(5.0);
    }

    @Test
    void a_full_goal_scores_100_green() {
        GoalScore score = scorer.score(goal(5, includedAndLaidDown(), measuresIn(5, 5), reached(ReachShare.EVERYONE)));

        assertThat(score.total()).isEqualTo(100.0);
        assertThat(score.band()).isEqualTo(Band.GREEN);
    }

    @Test
    void the_total_is_the_mean_over_the_answered_goals_only() {
        GoalAnswer weak = goal(2, borging(Inclusion.INTENDED), noMeasures(), noInsight());            // 5
        AssessmentScore score = scorer.score(assessment(weak, workedExample()));                         // 72.5

        assertThat(score.goalsAnswered()).isEqualTo(2);
        assertThat(score.total()).isEqualTo(38.75);
        assertThat(score.band()).isEqualTo(Band.ORANGE);
        assertThat(score.goals()).extracting(GoalScore::goal).containsExactly(1, 2);
        assertThat(score.rulesVersion()).isEqualTo(1);
    }

    @Test
    void band_edges_follow_the_norms_red_below_25_green_above_75() {
        ScoringRules.Bands bands = ScoringRulesCatalog.version(1).bands();

        assertThat(bands.classify(0)).isEqualTo(Band.RED);
        assertThat(bands.classify(24.99)).isEqualTo(Band.RED);
        assertThat(bands.classify(25)).isEqualTo(Band.ORANGE);
        assertThat(bands.classify(75)).isEqualTo(Band.ORANGE);
        assertThat(bands.classify(75.01)).isEqualTo(Band.GREEN);
        assertThat(bands.classify(100)).isEqualTo(Band.GREEN);
    }

    @Test
    void scores_that_land_on_the_edges_are_orange() {
        GoalAnswer exactly25 = goal(6, includedAndLaidDown(), noMeasures(), noInsight());
        GoalAnswer exactly75 = goal(7, includedAndLaidDown(), measuresIn(7, 3), noInsight());
        GoalAnswer only15 = goal(8, borging(Inclusion.INCLUDED), noMeasures(), noInsight());
        GoalAnswer over75 = goal(9, includedAndLaidDown(), measuresIn(9, 5), reached(ReachShare.NONE));

        assertThat(scorer.score(exactly25)).extracting(GoalScore::total, GoalScore::band)
                .containsExactly(25.0, Band.ORANGE);
        assertThat(scorer.score(exactly75)).extracting(GoalScore::total, GoalScore::band)
                .containsExactly(75.0, Band.ORANGE);
        assertThat(scorer.score(only15)).extracting(GoalScore::total, GoalScore::band)
                .containsExactly(15.0, Band.RED);
        assertThat(scorer.score(over75)).extracting(GoalScore::total, GoalScore::band)
                .containsExactly(85.0, Band.GREEN);
        // The municipality total takes the same edges: a mean of 22.5 is red, a mean of exactly 25 orange.
        assertThat(scorer.score(assessment(only15, goal(1, includedAndLaidDown(), measuresIn(1, 0), noInsight()))))
                .extracting(AssessmentScore::total, AssessmentScore::band).containsExactly(22.5, Band.RED);
        assertThat(scorer.score(assessment(exactly25, goal(2, includedAndLaidDown(), noMeasures(), noInsight()))))
                .extracting(AssessmentScore::total, AssessmentScore::band).containsExactly(25.0, Band.ORANGE);
    }

    @Test
    void a_subset_of_components_is_reported_as_points_and_percentage_of_its_maximum() {
        GoalScore score = scorer.score(workedExample());

        SubsetScore borgingAndInhoud = scorer.over(score, EnumSet.of(Component.BORGING, Component.INHOUD));
        assertThat(borgingAndInhoud.points()).isEqualTo(52.5);
        assertThat(borgingAndInhoud.maximum()).isEqualTo(75.0);
        assertThat(borgingAndInhoud.percentage()).isCloseTo(70.0, within(EXACT));

        SubsetScore bereik = scorer.over(score, EnumSet.of(Component.BEREIK));
        assertThat(bereik).extracting(SubsetScore::points, SubsetScore::maximum, SubsetScore::percentage)
                .containsExactly(20.0, 25.0, 80.0);

        SubsetScore all = scorer.over(score, EnumSet.allOf(Component.class));
        assertThat(all).extracting(SubsetScore::points, SubsetScore::percentage).containsExactly(72.5, 72.5);
    }

    @Test
    void a_subset_over_the_whole_assessment_averages_the_answered_goals() {
        GoalAnswer weak = goal(2, borging(Inclusion.INTENDED), noMeasures(), noInsight());  // borging 5, inhoud 0
        AssessmentScore score = scorer.score(assessment(weak, workedExample()));            // borging 25, inhoud 27.5

        SubsetScore borging = scorer.over(score, Set.of(Component.BORGING));

        assertThat(borging.points()).isEqualTo(15.0);
        assertThat(borging.percentage()).isEqualTo(60.0);
        assertThatThrownBy(() -> scorer.over(score, Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rules_version_1_gives_the_maxima_of_section_3_3() {
        ScoringRules rules = ScoringRulesCatalog.latest();

        assertThat(rules.version()).isEqualTo(1);
        assertThat(rules.maximum(Component.BORGING)).isEqualTo(25.0);
        assertThat(rules.maximum(Component.INHOUD)).isEqualTo(50.0);
        assertThat(rules.maximum(Component.BEREIK)).isEqualTo(25.0);
        assertThat(rules.goalMaximum()).isEqualTo(100.0);
        assertThatThrownBy(() -> ScoringRulesCatalog.version(42)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_test_answers_are_themselves_valid() {
        var validator = new AssessmentValidator(V1);
        assertThat(validator.validate(assessment(workedExample(),
                goal(5, includedAndLaidDown(), measuresIn(5, 5), reached(ReachShare.EVERYONE)),
                goal(10, borging(Inclusion.NOT_INCLUDED), measuresIn(10, 0), noInsight())))).isEmpty();
        assertThat(firstMeasure(V1.goal(1).orElseThrow().categories().get(0)).id()).isEqualTo("attention-officer");
    }
}
