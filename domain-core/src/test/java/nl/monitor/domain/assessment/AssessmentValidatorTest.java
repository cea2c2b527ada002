package nl.monitor.domain.assessment;

import nl.monitor.domain.questionnaire.Inclusion;
import nl.monitor.domain.questionnaire.ReachShare;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static nl.monitor.domain.Answers.MUNICIPALITY;
import static nl.monitor.domain.Answers.V1;
import static nl.monitor.domain.Answers.YEAR;
import static nl.monitor.domain.Answers.assessment;
import static nl.monitor.domain.Answers.borging;
import static nl.monitor.domain.Answers.goal;
import static nl.monitor.domain.Answers.includedAndLaidDown;
import static nl.monitor.domain.Answers.measuresIn;
import static nl.monitor.domain.Answers.noInsight;
import static nl.monitor.domain.Answers.noMeasures;
import static nl.monitor.domain.Answers.reached;
import static nl.monitor.domain.Answers.workedExample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class AssessmentValidatorTest {

    private final AssessmentValidator validator = new AssessmentValidator(V1);

    private static ExtraAnswers validExtras() {
        return new ExtraAnswers(List.of("family-crises", "multi-problem-families"), List.of("children-in-poverty"),
                new SelfAssessmentGrades(5, 7, 8), "somewhat", "Meer overleg met Veilig Thuis", true,
                "Via de jongerenraad", "central-municipality");
    }

    private List<Violation> validateGoal(GoalAnswer goal) {
        return validator.validate(assessment(goal));
    }

    @Test
    void a_complete_assessment_with_extras_is_valid() {
        Assessment assessment = assessment(List.of(workedExample(),
                goal(10, borging(Inclusion.NOT_INCLUDED), noMeasures(), noInsight())), validExtras());

        assertThat(validator.validate(assessment)).isEmpty();
    }

    @Test
    void every_problem_is_returned_at_once_with_its_path() {
        GoalAnswer goal = goal(3, new BorgingAnswer(Inclusion.INTENDED, true, List.of("regional-vision"), null),
                new InhoudAnswer(true, List.of(
                        new CategoryAnswer("subsidy-conditions", List.of(OptionAnswer.of("staff-expertise"))),
                        new CategoryAnswer("programme-purchasing", List.of(OptionAnswer.of("voorzorg"))),
                        new CategoryAnswer("own-action", List.of(OptionAnswer.of("no-such-option")))), null),
                new BereikAnswer(false, ReachShare.EVERYONE));
        Assessment assessment = new Assessment("0363", 1899, 1, List.of(workedExample(), goal), null);

        assertThat(validator.validate(assessment)).extracting(Violation::path, Violation::code).containsExactly(
                tuple("municipality", ViolationCode.INVALID_FORMAT),
                tuple("year", ViolationCode.OUT_OF_RANGE),
                tuple("goals[1].borging.laidDown", ViolationCode.LAID_DOWN_WITHOUT_INCLUSION),
                tuple("goals[1].inhoud.categories[2].options[0].option", ViolationCode.UNKNOWN_OPTION),
                tuple("goals[1].bereik.share", ViolationCode.SHARE_WITHOUT_INSIGHT));
    }

    @Test
    void an_assessment_needs_at_least_one_goal_and_the_right_questionnaire() {
        assertThat(validator.validate(new Assessment(MUNICIPALITY, YEAR, 2, List.of(), null)))
                .extracting(Violation::path, Violation::code).containsExactly(
                        tuple("questionnaireVersion", ViolationCode.UNKNOWN_VERSION),
                        tuple("goals", ViolationCode.REQUIRED));
        assertThat(validator.validate(null)).extracting(Violation::code).containsExactly(ViolationCode.REQUIRED);
    }

    @Test
    void unknown_and_duplicate_goals_are_named() {
        Assessment assessment = assessment(workedExample(), goal(11, borging(Inclusion.NOT_INCLUDED), noMeasures(),
                noInsight()), workedExample());

        assertThat(validator.validate(assessment)).extracting(Violation::path, Violation::code).containsExactly(
                tuple("goals[1].goal", ViolationCode.UNKNOWN_GOAL),
                tuple("goals[2].goal", ViolationCode.DUPLICATE));
    }

    @Test
    void an_answered_goal_must_have_all_three_parts() {
        assertThat(validateGoal(goal(1, null, null, null))).extracting(Violation::path, Violation::code)
                .containsExactly(
                        tuple("goals[0].borging", ViolationCode.REQUIRED),
                        tuple("goals[0].inhoud", ViolationCode.REQUIRED),
                        tuple("goals[0].bereik", ViolationCode.REQUIRED));
        assertThat(validateGoal(goal(1, new BorgingAnswer(null, false, null, null), noMeasures(), noInsight())))
                .extracting(Violation::path).containsExactly("goals[0].borging.inclusion");
    }

    @Test
    void when_measures_are_deployed_every_category_must_be_answered() {
        InhoudAnswer twoOfFour = new InhoudAnswer(true, measuresIn(1, 2).categories().subList(0, 2), null);

        assertThat(validateGoal(goal(1, includedAndLaidDown(), twoOfFour, noInsight())))
                .extracting(Violation::path, Violation::code).containsExactly(
                        tuple("goals[0].inhoud.categories", ViolationCode.CATEGORY_MISSING),
                        tuple("goals[0].inhoud.categories", ViolationCode.CATEGORY_MISSING));
        // The missing categories are named as data (clients place the error by it), the last two of goal 1.
        List<String> goalOneCategories = V1.goal(1).orElseThrow().categories().stream()
                .map(c -> c.id()).toList();
        assertThat(validateGoal(goal(1, includedAndLaidDown(), twoOfFour, noInsight())))
                .extracting(Violation::category).containsExactlyElementsOf(goalOneCategories.subList(2, 4));
        assertThat(validateGoal(goal(1, null, null, null))).extracting(Violation::category).containsOnlyNulls();
    }

    @Test
    void measures_chosen_while_not_deploying_measures_are_refused() {
        InhoudAnswer contradiction = new InhoudAnswer(false, measuresIn(10, 1).categories(), null);

        assertThat(validateGoal(goal(10, includedAndLaidDown(), contradiction, noInsight())))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("goals[0].inhoud.categories[0].options", ViolationCode.MEASURES_NOT_DEPLOYED));
    }

    @Test
    void unknown_and_duplicate_categories_are_named() {
        List<CategoryAnswer> categories = new ArrayList<>(measuresIn(10, 2).categories());
        categories.add(new CategoryAnswer("municipal-campaign", List.of(OptionAnswer.of("billboards"))));
        categories.add(new CategoryAnswer("own-action", List.of(OptionAnswer.of("campaign"))));

        assertThat(validateGoal(goal(10, includedAndLaidDown(), new InhoudAnswer(true, categories, null),
                noInsight()))).extracting(Violation::path, Violation::code).containsExactly(
                tuple("goals[0].inhoud.categories[2].category", ViolationCode.DUPLICATE),
                tuple("goals[0].inhoud.categories[3].category", ViolationCode.UNKNOWN_CATEGORY));
    }

    @Test
    void not_in_policy_cannot_be_combined_and_options_not_repeated_nor_left_empty() {
        InhoudAnswer inhoud = new InhoudAnswer(true, List.of(
                new CategoryAnswer("municipal-campaign",
                        List.of(OptionAnswer.of("not-in-policy"), OptionAnswer.of("billboards"))),
                new CategoryAnswer("municipal-information",
                        List.of(OptionAnswer.of("website"), OptionAnswer.of("website")))), null);

        assertThat(validateGoal(goal(10, includedAndLaidDown(), inhoud, noInsight())))
                .extracting(Violation::path, Violation::code).containsExactly(
                        tuple("goals[0].inhoud.categories[0].options", ViolationCode.EXCLUSIVE_OPTION_COMBINED),
                        tuple("goals[0].inhoud.categories[1].options[1].option", ViolationCode.DUPLICATE));

        InhoudAnswer empty = new InhoudAnswer(true, List.of(new CategoryAnswer("municipal-campaign", List.of()),
                new CategoryAnswer("municipal-information", List.of(OptionAnswer.of("website")))), null);
        assertThat(validateGoal(goal(10, includedAndLaidDown(), empty, noInsight())))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("goals[0].inhoud.categories[0].options", ViolationCode.REQUIRED));
    }

    @Test
    void anders_needs_text() {
        InhoudAnswer inhoud = new InhoudAnswer(true, List.of(
                new CategoryAnswer("municipal-campaign", List.of(new OptionAnswer("other", " "))),
                new CategoryAnswer("municipal-information", List.of(new OptionAnswer("other", "Huis-aan-huisblad")))),
                null);

        assertThat(validateGoal(goal(10, includedAndLaidDown(), inhoud, noInsight())))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("goals[0].inhoud.categories[0].options[0].text", ViolationCode.TEXT_REQUIRED));
    }

    @Test
    void laid_down_needs_inclusion_and_a_known_document() {
        assertThat(validateGoal(goal(1, new BorgingAnswer(Inclusion.NOT_INCLUDED, true, List.of("regional-vision"),
                null), noMeasures(), noInsight()))).extracting(Violation::path, Violation::code)
                .containsExactly(tuple("goals[0].borging.laidDown", ViolationCode.LAID_DOWN_WITHOUT_INCLUSION));

        assertThat(validateGoal(goal(1, new BorgingAnswer(Inclusion.INCLUDED, true,
                List.of("regional-vision", "coalition-agreement", "regional-vision", "other"), ""), noMeasures(),
                noInsight()))).extracting(Violation::path, Violation::code).containsExactly(
                tuple("goals[0].borging.documents[1]", ViolationCode.UNKNOWN_OPTION),
                tuple("goals[0].borging.documents[2]", ViolationCode.DUPLICATE),
                tuple("goals[0].borging.otherDocumentText", ViolationCode.TEXT_REQUIRED));

        assertThat(validateGoal(goal(1, new BorgingAnswer(Inclusion.INCLUDED, true, List.of(), null), noMeasures(),
                noInsight()))).extracting(Violation::path, Violation::code)
                .containsExactly(tuple("goals[0].borging.documents", ViolationCode.REQUIRED));

        assertThat(validateGoal(goal(1, new BorgingAnswer(Inclusion.INCLUDED, false, List.of("implementation-plan"),
                null), noMeasures(), noInsight()))).extracting(Violation::path, Violation::code)
                .containsExactly(tuple("goals[0].borging.documents", ViolationCode.DOCUMENTS_WITHOUT_LAID_DOWN));
    }

    @Test
    void insight_needs_a_share_and_a_share_needs_insight() {
        assertThat(validateGoal(goal(1, includedAndLaidDown(), noMeasures(), new BereikAnswer(true, null))))
                .extracting(Violation::path, Violation::code)
                .containsExactly(tuple("goals[0].bereik.share", ViolationCode.REQUIRED));
        assertThat(validateGoal(goal(1, includedAndLaidDown(), noMeasures(), new BereikAnswer(false,
                ReachShare.NONE)))).extracting(Violation::path, Violation::code)
                .containsExactly(tuple("goals[0].bereik.share", ViolationCode.SHARE_WITHOUT_INSIGHT));
        assertThat(validateGoal(goal(1, includedAndLaidDown(), noMeasures(), reached(ReachShare.NONE)))).isEmpty();
    }

    @Test
    void extra_questions_are_checked_against_their_options_and_grades_against_1_to_10() {
        ExtraAnswers extras = new ExtraAnswers(List.of("family-crises", "none-in-view"),
                List.of("children-in-poverty", "no-such-group", "children-in-poverty"),
                new SelfAssessmentGrades(0, 10, 11), "maybe", null, false, "Via de jongerenraad", "someday");

        assertThat(validator.validate(assessment(List.of(workedExample()), extras)))
                .extracting(Violation::path, Violation::code).containsExactly(
                        tuple("extras.riskGroupFigures", ViolationCode.EXCLUSIVE_OPTION_COMBINED),
                        tuple("extras.targetGroupPolicies[1]", ViolationCode.UNKNOWN_OPTION),
                        tuple("extras.targetGroupPolicies[2]", ViolationCode.DUPLICATE),
                        tuple("extras.grades.past", ViolationCode.OUT_OF_RANGE),
                        tuple("extras.grades.expected", ViolationCode.OUT_OF_RANGE),
                        tuple("extras.cooperationImproved", ViolationCode.UNKNOWN_OPTION),
                        tuple("extras.youthInvolvementHow", ViolationCode.TEXT_WITHOUT_YES),
                        tuple("extras.regionalVision", ViolationCode.UNKNOWN_OPTION));
    }

    @Test
    void extra_questions_may_be_left_unanswered() {
        ExtraAnswers nothing = new ExtraAnswers(null, null, null, null, null, null, null, null);

        assertThat(validator.validate(assessment(List.of(workedExample()), nothing))).isEmpty();
    }

    @Test
    void violations_read_as_path_message_and_code() {
        Violation violation = validateGoal(goal(1, includedAndLaidDown(), noMeasures(), new BereikAnswer(true, null)))
                .get(0);

        assertThat(violation.toString()).isEqualTo(
                "goals[0].bereik.share: with insight into reach, say which share is reached (required)");
    }

    @Test
    void a_free_text_longer_than_the_limit_is_refused_at_its_path_and_one_at_the_limit_is_not() {
        String atLimit = "x".repeat(AssessmentValidator.MAX_TEXT_LENGTH);
        String overLimit = atLimit + "y";
        GoalAnswer goal = goal(10, borging(Inclusion.NOT_INCLUDED), new InhoudAnswer(false, List.of(), overLimit),
                noInsight());
        ExtraAnswers extras = new ExtraAnswers(List.of(), List.of(), null, "somewhat", atLimit, true, overLimit,
                null);

        assertThat(validator.validate(assessment(List.of(workedExample(), goal), extras)))
                .extracting(Violation::path, Violation::code, Violation::message).containsExactly(
                        tuple("goals[1].inhoud.otherMeasure", ViolationCode.TOO_LONG,
                                "at most 2000 characters, was 2001"),
                        tuple("extras.youthInvolvementHow", ViolationCode.TOO_LONG,
                                "at most 2000 characters, was 2001"));
    }
}
