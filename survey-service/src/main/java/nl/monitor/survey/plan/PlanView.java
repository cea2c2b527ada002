package nl.monitor.survey.plan;

import nl.monitor.domain.plan.MunicipalPlan;

import java.time.Instant;
import java.util.List;

/**
 * A municipality's current plan; version 0 with empty lists when it has none yet.
 *
 * @param name the municipality's name in the current division
 */
public record PlanView(String municipality, String name, int version, List<MunicipalPlan.GoalTarget> goalTargets,
                       List<MunicipalPlan.IndicatorTarget> indicatorTargets, List<MunicipalPlan.Action> actions,
                       Instant savedAt, String savedBy) {
}
