package nl.monitor.survey.plan;

import nl.monitor.domain.plan.MunicipalPlan;

import java.util.List;

/**
 * A municipality's plan as the client saves it: the whole plan, replacing the current one.
 *
 * @param version the plan version the page showed (0 when it had none); another stored version answers 409
 */
public record PlanRequest(Integer version, List<MunicipalPlan.GoalTarget> goalTargets,
                          List<MunicipalPlan.IndicatorTarget> indicatorTargets, List<MunicipalPlan.Action> actions) {

    public MunicipalPlan plan() {
        return new MunicipalPlan(goalTargets, indicatorTargets, actions);
    }
}
