package nl.monitor.domain.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A municipality's own plan (issue 28, seeds 002 and 004: turn the national aim into local targets, act, and check
 * yearly whether you are on track): targets for goal scores and for municipal indicators, each with the year by which
 * it should be reached, and a short list of actions. {@link PlanValidator} checks it.
 *
 * @param goalTargets      per goal of the questionnaire: the goal score (0-100) to reach by a year
 * @param indicatorTargets per municipal indicator and breakdown: the figure to reach by a year
 * @param actions          what the municipality will do, each with an optional year it is due
 */
public record MunicipalPlan(List<GoalTarget> goalTargets, List<IndicatorTarget> indicatorTargets,
                            List<Action> actions) {

    public MunicipalPlan {
        goalTargets = goalTargets == null ? List.of() : List.copyOf(goalTargets);
        indicatorTargets = indicatorTargets == null ? List.of() : List.copyOf(indicatorTargets);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** A goal score to reach by {@code year}; a goal may have a target for several years (a path). */
    public record GoalTarget(Integer goal, Integer year, BigDecimal score) {
    }

    /**
     * A figure of a municipal indicator to reach by {@code year}, for one breakdown (none: the total); whether it is
     * to be reached from above or below is the indicator's direction of better.
     */
    public record IndicatorTarget(String indicator, Integer year, Map<String, String> breakdown, BigDecimal value) {

        public IndicatorTarget {
            breakdown = breakdown == null ? Map.of() : new TreeMap<>(breakdown);
        }
    }

    /** One action of the plan, in the municipality's words, with the year it is due (optional). */
    public record Action(String text, Integer dueYear) {
    }
}
