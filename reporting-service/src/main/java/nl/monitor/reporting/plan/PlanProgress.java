package nl.monitor.reporting.plan;

import nl.monitor.domain.indicator.Better;
import nl.monitor.domain.indicator.Unit;
import nl.monitor.domain.plan.MunicipalPlan;
import nl.monitor.domain.plan.TargetProgress.Status;

import java.util.List;
import java.util.Map;

/**
 * A municipality's own plan for the card of a year: per target that applies to the year (the target of that year,
 * else the nearest later one, else the latest), the year's result against it (domain-core {@code TargetProgress}:
 * met or missed once the target's year is reached, on track or behind the linear path from its first wave before
 * it), and its actions. {@code status} sums it up as the region view shows it: MISSED when any target is missed,
 * else BEHIND, else ON_TRACK; NO_RESULT when nothing was measured that year; NO_TARGET without targets.
 *
 * @param version the plan's version (0: the municipality has no plan)
 */
public record PlanProgress(int version, Status status, List<GoalTarget> goals, List<IndicatorTarget> indicators,
                           List<MunicipalPlan.Action> actions) {

    /** A status as the card, the factsheet and the dashboard word it in Dutch. */
    public static String label(Status status) {
        return switch (status) {
            case MET -> "gehaald";
            case MISSED -> "niet gehaald";
            case ON_TRACK -> "op koers";
            case BEHIND -> "achter op koers";
            case NO_RESULT -> "geen resultaat";
            case NO_TARGET -> "geen doel";
        };
    }

    /** No plan. */
    public static PlanProgress none() {
        return new PlanProgress(0, Status.NO_TARGET, List.of(), List.of(), List.of());
    }

    /**
     * A goal's target: its score ({@code result}, the goal's full score, all components) against the {@code target}
     * of {@code targetYear}; {@code expected} the linear path's value for the year before the target year.
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PlanGoalTarget")
    public record GoalTarget(int goal, String title, int targetYear, double target, Double result, Double expected,
                             Status status) {
    }

    /** A municipal indicator's target: the municipality's yearly figure for the breakdown against it. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PlanIndicatorTarget")
    public record IndicatorTarget(String indicator, String title, Map<String, String> breakdown, Unit unit,
                                  Better better, int targetYear, double target, Double result, Double expected,
                                  Status status) {
    }
}
