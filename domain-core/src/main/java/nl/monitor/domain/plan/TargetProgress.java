package nl.monitor.domain.plan;

import nl.monitor.domain.indicator.Better;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * Result against target for one year of a series (a goal's score per wave, or a municipal indicator's figure per
 * year), as the card, the factsheet and the region view show it. The rules:
 * <ul>
 *   <li>The target that applies to a year is the one of that year or the nearest later one; when every target lies
 *       before it, the latest one (its year has passed).</li>
 *   <li>When the target's year is reached ({@code targetYear <= year}): {@link Status#MET} when the year's result
 *       meets the target in the direction of better (equal meets it), else {@link Status#MISSED}.</li>
 *   <li>Before the target's year: on the linear path from the series' first result before the year (the first wave)
 *       to the target in its year. {@link Status#ON_TRACK} when the result meets the path's value for the year
 *       ({@code expected}), else {@link Status#BEHIND}. Without an earlier result the year itself starts the path:
 *       {@link Status#ON_TRACK}.</li>
 *   <li>No result in the year: {@link Status#NO_RESULT}.</li>
 * </ul>
 */
public final class TargetProgress {

    private TargetProgress() {
    }

    /** Where a result stands against its target; {@link #NO_TARGET} only for {@link #overall}. */
    public enum Status {
        MET, ON_TRACK, BEHIND, MISSED, NO_RESULT, NO_TARGET
    }

    /** A value to reach by a year. */
    public record Target(int year, double value) {
    }

    /**
     * The year's result against the target that applies to it.
     *
     * @param year       the year looked at (a wave)
     * @param result     the year's result, null when there is none
     * @param targetYear the year of the target that applies
     * @param target     its value
     * @param expected   before the target's year: the linear path's value for the year (null without an earlier
     *                   result); from the target's year on: null
     * @param status     see the class
     */
    public record Progress(int year, Double result, int targetYear, double target, Double expected, Status status) {
    }

    /**
     * @param results the series, year to result (other years' results give the path's start)
     * @return empty when there is no target
     */
    public static Optional<Progress> of(int year, NavigableMap<Integer, Double> results, Collection<Target> targets,
                                        Better better) {
        if (targets.isEmpty()) {
            return Optional.empty();
        }
        Target target = targets.stream().filter(t -> t.year() >= year).min(Comparator.comparingInt(Target::year))
                .orElseGet(() -> targets.stream().max(Comparator.comparingInt(Target::year)).orElseThrow());
        Double result = results.get(year);
        if (target.year() <= year) {
            Status status = result == null ? Status.NO_RESULT
                    : better.meets(result, target.value()) ? Status.MET : Status.MISSED;
            return Optional.of(new Progress(year, result, target.year(), target.value(), null, status));
        }
        Map.Entry<Integer, Double> start = results.headMap(year, false).firstEntry();
        Double expected = start == null ? null : round(start.getValue() + (target.value() - start.getValue())
                * (year - start.getKey()) / (target.year() - start.getKey()));
        Status status = result == null ? Status.NO_RESULT
                : expected == null || better.meets(result, expected) ? Status.ON_TRACK : Status.BEHIND;
        return Optional.of(new Progress(year, result, target.year(), target.value(), expected, status));
    }

    /**
     * A municipality's standing over all its targets in a year, as the region view shows it: {@link Status#MISSED}
     * when any target is missed, else {@link Status#BEHIND} when any is behind, else {@link Status#ON_TRACK} when any
     * is met or on track, else {@link Status#NO_RESULT} (targets, but no result that year); {@link Status#NO_TARGET}
     * without any target.
     */
    public static Status overall(List<Status> statuses) {
        if (statuses.isEmpty()) {
            return Status.NO_TARGET;
        }
        if (statuses.contains(Status.MISSED)) {
            return Status.MISSED;
        }
        if (statuses.contains(Status.BEHIND)) {
            return Status.BEHIND;
        }
        if (statuses.contains(Status.MET) || statuses.contains(Status.ON_TRACK)) {
            return Status.ON_TRACK;
        }
        return Status.NO_RESULT;
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
