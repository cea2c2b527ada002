package nl.monitor.domain.plan;

import nl.monitor.domain.assessment.Violation;
import nl.monitor.domain.assessment.ViolationCode;
import nl.monitor.domain.indicator.Indicators;
import nl.monitor.domain.questionnaire.Questionnaires;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class PlanValidatorTest {

    /** 2061 is filled in with questionnaire version 2 (eleven goals), every other year with version 1 (ten). */
    private final PlanValidator validator = new PlanValidator(
            year -> Questionnaires.version(year == 2061 ? 2 : 1), Indicators.latest());

    private static MunicipalPlan.GoalTarget goal(Integer goal, Integer year, String score) {
        return new MunicipalPlan.GoalTarget(goal, year, score == null ? null : new BigDecimal(score));
    }

    @Test
    void a_plan_with_goal_and_indicator_targets_and_actions_is_valid() {
        MunicipalPlan plan = new MunicipalPlan(
                List.of(goal(1, 2062, "60"), goal(1, 2063, "75.5"), goal(11, 2061, "40")),
                List.of(new MunicipalPlan.IndicatorTarget("vt-repeat-reports", 2063, Map.of("abuse-type",
                                "sexual-abuse"), new BigDecimal("12.5")),
                        new MunicipalPlan.IndicatorTarget("vt-repeat-reports", 2063, null, new BigDecimal("15"))),
                List.of(new MunicipalPlan.Action("Aandachtsfunctionaris in elke subsidievoorwaarde", 2062),
                        new MunicipalPlan.Action("Jaarlijkse training meldcode voor wijkteams", null)));
        assertThat(validator.validate(plan)).isEmpty();
    }

    @Test
    void every_bad_goal_target_is_named_by_its_field() {
        MunicipalPlan plan = new MunicipalPlan(List.of(
                goal(11, 2062, "50"),      // version 1 has ten goals
                goal(2, 1999, "50"),       // year out of range
                goal(3, 2062, "100.5"),    // above 100
                goal(4, 2062, "-1"),       // negative
                goal(null, null, null),    // nothing
                goal(5, 2062, "50"), goal(5, 2062, "60"),  // twice for one year
                goal(6, 2062, "33.333")), null, null);
        assertThat(validator.validate(plan)).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
                tuple("goalTargets[0].goal", ViolationCode.UNKNOWN_GOAL),
                tuple("goalTargets[1].year", ViolationCode.OUT_OF_RANGE),
                tuple("goalTargets[2].score", ViolationCode.OUT_OF_RANGE),
                tuple("goalTargets[3].score", ViolationCode.OUT_OF_RANGE),
                tuple("goalTargets[4].year", ViolationCode.REQUIRED),
                tuple("goalTargets[4].goal", ViolationCode.REQUIRED),
                tuple("goalTargets[4].score", ViolationCode.REQUIRED),
                tuple("goalTargets[6]", ViolationCode.DUPLICATE),
                tuple("goalTargets[7].score", ViolationCode.INVALID_FORMAT));
    }

    @Test
    void an_indicator_target_must_be_a_municipal_indicator_with_a_value_its_unit_allows() {
        MunicipalPlan plan = new MunicipalPlan(null, List.of(
                new MunicipalPlan.IndicatorTarget("no-such-indicator", 2062, null, BigDecimal.ONE),
                new MunicipalPlan.IndicatorTarget("interventions-proven-effective", 2062, null, BigDecimal.TEN),
                new MunicipalPlan.IndicatorTarget("vt-repeat-reports", 2062, null, new BigDecimal("101")),
                new MunicipalPlan.IndicatorTarget("vt-reports", 2062, Map.of("abuse-type", "bullying"),
                        new BigDecimal("3.5")),
                new MunicipalPlan.IndicatorTarget("vt-repeat-reports", 2200, null, BigDecimal.ONE),
                new MunicipalPlan.IndicatorTarget("vt-days-report-to-help", 2062, null, BigDecimal.TEN),
                new MunicipalPlan.IndicatorTarget("vt-days-report-to-help", 2062, Map.of(), new BigDecimal("9"))),
                null);
        assertThat(validator.validate(plan)).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
                tuple("indicatorTargets[0].indicator", ViolationCode.UNKNOWN_INDICATOR),
                tuple("indicatorTargets[1].indicator", ViolationCode.LEVEL_NOT_RECORDED),
                tuple("indicatorTargets[2].value", ViolationCode.OUT_OF_RANGE),
                tuple("indicatorTargets[3].breakdown.abuse-type", ViolationCode.UNKNOWN_OPTION),
                tuple("indicatorTargets[3].value", ViolationCode.OUT_OF_RANGE),
                tuple("indicatorTargets[4].year", ViolationCode.OUT_OF_RANGE),
                tuple("indicatorTargets[6]", ViolationCode.DUPLICATE));
    }

    @Test
    void actions_are_bounded_in_number_and_length() {
        List<MunicipalPlan.Action> eleven = Collections.nCopies(11, new MunicipalPlan.Action("Actie", null));
        assertThat(validator.validate(new MunicipalPlan(null, null, eleven)))
                .extracting(Violation::path, Violation::code).containsExactly(tuple("actions",
                        ViolationCode.OUT_OF_RANGE));
        MunicipalPlan plan = new MunicipalPlan(null, null, List.of(
                new MunicipalPlan.Action("x".repeat(501), 2062),
                new MunicipalPlan.Action("  ", 2062),
                new MunicipalPlan.Action("x".repeat(500), 1900)));
        assertThat(validator.validate(plan)).extracting(Violation::path, Violation::code).containsExactlyInAnyOrder(
                tuple("actions[0].text", ViolationCode.TOO_LONG),
                tuple("actions[1].text", ViolationCode.REQUIRED),
                tuple("actions[2].dueYear", ViolationCode.OUT_OF_RANGE));
    }
}
