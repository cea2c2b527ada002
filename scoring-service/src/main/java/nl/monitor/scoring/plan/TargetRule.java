package nl.monitor.scoring.plan;

import nl.monitor.contracts.ThresholdCrossed.TargetStatus;
import nl.monitor.domain.indicator.Better;
import nl.monitor.domain.plan.TargetProgress;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * When a municipality's result against a target of its own plan alerts: in the target's year, the result is held
 * against it by domain-core's {@link TargetProgress} (met when equal or better in the direction of better, else
 * missed). With no earlier state a missed target fires ({@link TargetStatus#MISSED}) and a met one is quiet; from
 * met, missed fires; from missed, met resolves ({@link TargetStatus#MET}); the same standing again changes nothing.
 */
public final class TargetRule {

    private TargetRule() {
    }

    /** Where the result leaves the target, and the crossing it made (empty: none). */
    public record Evaluation(boolean missed, Optional<TargetStatus> crossing) {
    }

    /**
     * @param wasMissed where the target stood before; null when it was never evaluated
     * @param year      the target's year (a target of the series must be of that year)
     * @param result    the year's result
     * @param series    every target of the series (goal, or indicator and breakdown)
     */
    public static Evaluation evaluate(Boolean wasMissed, int year, double result,
                                      Collection<TargetProgress.Target> series, Better better) {
        TargetProgress.Progress progress = TargetProgress.of(year, new TreeMap<>(Map.of(year, result)), series, better)
                .filter(p -> p.targetYear() == year)
                .orElseThrow(() -> new IllegalArgumentException("the series has no target for " + year));
        boolean missed = progress.status() == TargetProgress.Status.MISSED;
        boolean was = Boolean.TRUE.equals(wasMissed);
        Optional<TargetStatus> crossing = missed && !was ? Optional.of(TargetStatus.MISSED)
                : !missed && was ? Optional.of(TargetStatus.MET) : Optional.empty();
        return new Evaluation(missed, crossing);
    }
}
