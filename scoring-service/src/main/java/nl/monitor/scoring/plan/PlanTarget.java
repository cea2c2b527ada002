package nl.monitor.scoring.plan;

import nl.monitor.contracts.MunicipalPlanPublished;
import nl.monitor.contracts.ThresholdCrossed.TargetKind;
import nl.monitor.domain.indicator.Better;
import nl.monitor.domain.indicator.Indicator;
import nl.monitor.domain.indicator.IndicatorSet;
import nl.monitor.domain.indicator.Indicators;
import nl.monitor.domain.plan.MunicipalPlan;
import nl.monitor.domain.plan.TargetProgress;
import nl.monitor.scoring.indicator.IndicatorThreshold;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One target of a municipality's plan, with the other targets of its series (the same goal, or the same indicator
 * and breakdown), which {@link TargetProgress} chooses from, and the direction that meets it.
 *
 * @param seriesTargets every target of the series, this one included
 */
public record PlanTarget(TargetKind kind, Integer goal, String indicator, int indicatorSetVersion,
                         Map<String, String> breakdown, int year, BigDecimal value, Better better,
                         List<TargetProgress.Target> seriesTargets) {

    /** The series a target belongs to: {@code goal:1}, {@code indicator:vt-repeat-reports|abuse-type=sexual-abuse}. */
    public String series() {
        return kind == TargetKind.GOAL ? "goal:" + goal
                : "indicator:" + indicator + "|" + IndicatorThreshold.keyOf(breakdown);
    }

    public String breakdownKey() {
        return IndicatorThreshold.keyOf(breakdown);
    }

    /**
     * Every target of the plan. A goal score is met from above ({@code HIGHER}); an indicator's figure in its
     * direction of better, from the indicator set the plan was checked against (an indicator it no longer knows has
     * nothing to hold the target against and is left out).
     */
    public static List<PlanTarget> of(MunicipalPlanPublished plan) {
        List<PlanTarget> targets = new ArrayList<>();
        Map<Integer, List<MunicipalPlan.GoalTarget>> goals = new LinkedHashMap<>();
        plan.goalTargets().forEach(t -> goals.computeIfAbsent(t.goal(), g -> new ArrayList<>()).add(t));
        goals.forEach((goal, series) -> {
            List<TargetProgress.Target> path = series.stream()
                    .map(t -> new TargetProgress.Target(t.year(), t.score().doubleValue())).toList();
            series.forEach(t -> targets.add(new PlanTarget(TargetKind.GOAL, goal, null, plan.indicatorSetVersion(),
                    Map.of(), t.year(), t.score(), Better.HIGHER, path)));
        });
        IndicatorSet set = Indicators.all().stream().filter(s -> s.version() == plan.indicatorSetVersion())
                .findFirst().orElseGet(Indicators::latest);
        Map<String, List<MunicipalPlan.IndicatorTarget>> figures = new LinkedHashMap<>();
        plan.indicatorTargets().forEach(t -> figures.computeIfAbsent(t.indicator() + "|"
                + IndicatorThreshold.keyOf(t.breakdown()), k -> new ArrayList<>()).add(t));
        figures.values().forEach(series -> {
            Optional<Indicator> indicator = set.indicator(series.get(0).indicator());
            if (indicator.isEmpty()) {
                return;
            }
            List<TargetProgress.Target> path = series.stream()
                    .map(t -> new TargetProgress.Target(t.year(), t.value().doubleValue())).toList();
            series.forEach(t -> targets.add(new PlanTarget(TargetKind.INDICATOR, null, t.indicator(),
                    plan.indicatorSetVersion(), t.breakdown(), t.year(), t.value(), indicator.get().better(), path)));
        });
        return targets;
    }
}
