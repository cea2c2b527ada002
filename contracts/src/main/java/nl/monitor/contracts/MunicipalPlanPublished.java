package nl.monitor.contracts;

import nl.monitor.domain.plan.MunicipalPlan;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code municipal-plan-published}: a municipality's plan — its targets per goal (a goal score by a year) and per
 * municipal indicator (a figure by a year, for a breakdown), and its short list of actions — as stored, each change
 * its next {@link #version}, published by the survey-service in the transaction that stores it. Consumers keep the
 * highest version; a plan replaces the previous one whole. Keyed by {@link #municipality}.
 *
 * @param planId           the stored version
 * @param municipality     the municipality's code (of the current division)
 * @param version          1 for the first plan, n + 1 for each change
 * @param goalTargets      the goal targets
 * @param indicatorTargets the indicator targets (indicators of {@link #indicatorSetVersion})
 * @param actions          the actions
 * @param indicatorSetVersion the version of the indicator definitions the targets were validated against
 * @param publishedAt      when it was stored
 * @param publishedBy      who stored it (the token's {@code sub})
 */
public record MunicipalPlanPublished(UUID planId, String municipality, int version,
                                     List<MunicipalPlan.GoalTarget> goalTargets,
                                     List<MunicipalPlan.IndicatorTarget> indicatorTargets,
                                     List<MunicipalPlan.Action> actions, int indicatorSetVersion,
                                     Instant publishedAt, String publishedBy) {

    public MunicipalPlanPublished {
        goalTargets = goalTargets == null ? List.of() : List.copyOf(goalTargets);
        indicatorTargets = indicatorTargets == null ? List.of() : List.copyOf(indicatorTargets);
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    /** The plan itself. */
    public MunicipalPlan plan() {
        return new MunicipalPlan(goalTargets, indicatorTargets, actions);
    }
}
