package nl.monitor.domain.plan;

import nl.monitor.domain.assessment.Violation;
import nl.monitor.domain.assessment.ViolationCode;
import nl.monitor.domain.indicator.AreaLevel;
import nl.monitor.domain.indicator.FigureValidator;
import nl.monitor.domain.indicator.IndicatorFigure;
import nl.monitor.domain.indicator.IndicatorSet;
import nl.monitor.domain.questionnaire.Questionnaire;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Checks a {@link MunicipalPlan}: a goal target names a goal of the questionnaire its year is filled in with, a score
 * of 0-100 and a year of {@value #FIRST_YEAR}-{@value #LAST_YEAR}; an indicator target a municipal-level indicator of
 * the set, a known breakdown and a value its unit allows (the checks of {@link FigureValidator}); at most
 * {@value #MAX_GOAL_TARGETS} goal targets, {@value #MAX_INDICATOR_TARGETS} indicator targets and {@value #MAX_ACTIONS}
 * actions of at most {@value #MAX_ACTION_LENGTH} characters; no target twice for the same goal (or indicator and
 * breakdown) and year. Every problem names its field ({@code goalTargets[2].score}, {@code actions[0].text}).
 */
public final class PlanValidator {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;
    public static final int MAX_GOAL_TARGETS = 50;
    public static final int MAX_INDICATOR_TARGETS = 50;
    public static final int MAX_ACTIONS = 10;
    public static final int MAX_ACTION_LENGTH = 500;
    private static final BigDecimal MAX_SCORE = BigDecimal.valueOf(100);

    private final IntFunction<Questionnaire> questionnaireOfYear;
    private final IndicatorSet indicators;

    /**
     * @param questionnaireOfYear the questionnaire a year is filled in with (its wave's, else the latest)
     * @param indicators          the indicator definitions
     */
    public PlanValidator(IntFunction<Questionnaire> questionnaireOfYear, IndicatorSet indicators) {
        this.questionnaireOfYear = questionnaireOfYear;
        this.indicators = indicators;
    }

    /** Every problem with the plan; empty when it may be stored. */
    public List<Violation> validate(MunicipalPlan plan) {
        List<Violation> violations = new ArrayList<>();
        if (plan.goalTargets().size() > MAX_GOAL_TARGETS) {
            violations.add(new Violation("goalTargets", ViolationCode.OUT_OF_RANGE,
                    "at most " + MAX_GOAL_TARGETS + " goal targets, not " + plan.goalTargets().size()));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < plan.goalTargets().size(); i++) {
            goalTarget("goalTargets[" + i + "]", plan.goalTargets().get(i), seen, violations);
        }
        if (plan.indicatorTargets().size() > MAX_INDICATOR_TARGETS) {
            violations.add(new Violation("indicatorTargets", ViolationCode.OUT_OF_RANGE,
                    "at most " + MAX_INDICATOR_TARGETS + " indicator targets, not " + plan.indicatorTargets().size()));
        }
        for (int i = 0; i < plan.indicatorTargets().size(); i++) {
            indicatorTarget("indicatorTargets[" + i + "]", plan.indicatorTargets().get(i), seen, violations);
        }
        if (plan.actions().size() > MAX_ACTIONS) {
            violations.add(new Violation("actions", ViolationCode.OUT_OF_RANGE,
                    "at most " + MAX_ACTIONS + " actions, not " + plan.actions().size()));
        }
        for (int i = 0; i < plan.actions().size(); i++) {
            action("actions[" + i + "]", plan.actions().get(i), violations);
        }
        return List.copyOf(violations);
    }

    private void goalTarget(String path, MunicipalPlan.GoalTarget target, Set<String> seen, List<Violation> out) {
        if (target == null) {
            out.add(new Violation(path, ViolationCode.REQUIRED, "a target is required"));
            return;
        }
        boolean yearOk = year(path + ".year", target.year(), true, out);
        if (target.goal() == null) {
            out.add(new Violation(path + ".goal", ViolationCode.REQUIRED, "goal is required"));
        } else if (yearOk) {
            Questionnaire questionnaire = questionnaireOfYear.apply(target.year());
            if (questionnaire.goal(target.goal()).isEmpty()) {
                out.add(new Violation(path + ".goal", ViolationCode.UNKNOWN_GOAL, "questionnaire v"
                        + questionnaire.version() + ", which " + target.year() + " is filled in with, has no goal "
                        + target.goal()));
            } else if (!seen.add("goal|" + target.goal() + "|" + target.year())) {
                out.add(new Violation(path, ViolationCode.DUPLICATE, "goal " + target.goal() + " has a target for "
                        + target.year() + " already"));
            }
        }
        if (target.score() == null) {
            out.add(new Violation(path + ".score", ViolationCode.REQUIRED, "score is required"));
        } else if (target.score().signum() < 0 || target.score().compareTo(MAX_SCORE) > 0) {
            out.add(new Violation(path + ".score", ViolationCode.OUT_OF_RANGE,
                    "a goal score is 0-100, not " + target.score().toPlainString()));
        } else if (target.score().stripTrailingZeros().scale() > 2) {
            out.add(new Violation(path + ".score", ViolationCode.INVALID_FORMAT,
                    "a goal score has at most two decimals: " + target.score().toPlainString()));
        }
    }

    private void indicatorTarget(String path, MunicipalPlan.IndicatorTarget target, Set<String> seen,
                                 List<Violation> out) {
        if (target == null) {
            out.add(new Violation(path, ViolationCode.REQUIRED, "a target is required"));
            return;
        }
        boolean yearOk = year(path + ".year", target.year(), true, out);
        // The figure the target would be: the checks of a recorded figure, for the municipal level.
        IndicatorFigure figure = new IndicatorFigure(target.indicator(), yearOk ? target.year().toString() : "2000",
                AreaLevel.MUNICIPALITY, "GM0000", target.breakdown(), target.value());
        List<Violation> figureProblems = new FigureValidator(indicators).validate(figure);
        for (Violation v : figureProblems) {
            String field = v.path();
            if (field.equals("level")) {
                out.add(new Violation(path + ".indicator", ViolationCode.LEVEL_NOT_RECORDED, target.indicator()
                        + " is not recorded per municipality, so a municipality sets no target for it"));
            } else if (!field.equals("period") && !field.equals("area")) {
                out.add(new Violation(path + "." + field, v.code(), v.message(), v.category()));
            }
        }
        if (figureProblems.isEmpty() && yearOk
                && !seen.add("indicator|" + target.indicator() + "|" + figure.breakdownKey() + "|" + target.year())) {
            out.add(new Violation(path, ViolationCode.DUPLICATE, target.indicator()
                    + (figure.breakdownKey().isEmpty() ? "" : " (" + figure.breakdownKey() + ")")
                    + " has a target for " + target.year() + " already"));
        }
    }

    private static void action(String path, MunicipalPlan.Action action, List<Violation> out) {
        if (action == null || action.text() == null || action.text().isBlank()) {
            out.add(new Violation(path + ".text", ViolationCode.REQUIRED, "an action needs a text"));
        } else if (action.text().length() > MAX_ACTION_LENGTH) {
            out.add(new Violation(path + ".text", ViolationCode.TOO_LONG,
                    "at most " + MAX_ACTION_LENGTH + " characters, not " + action.text().length()));
        }
        if (action != null) {
            year(path + ".dueYear", action.dueYear(), false, out);
        }
    }

    private static boolean year(String path, Integer year, boolean required, List<Violation> out) {
        if (year == null) {
            if (required) {
                out.add(new Violation(path, ViolationCode.REQUIRED, "year is required"));
            }
            return false;
        }
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            out.add(new Violation(path, ViolationCode.OUT_OF_RANGE,
                    "a year of " + FIRST_YEAR + "-" + LAST_YEAR + ", not " + year));
            return false;
        }
        return true;
    }
}
