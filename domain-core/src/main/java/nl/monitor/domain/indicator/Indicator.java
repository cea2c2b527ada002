package nl.monitor.domain.indicator;

import java.util.List;
import java.util.Set;

/**
 * One indicator of an {@link IndicatorSet}.
 *
 * @param id         stable English id, figures are stored under it
 * @param title      Dutch title as the source document words it
 * @param theme      the number of its {@link Theme}
 * @param unit       what its figures count
 * @param levels     the kinds of area a figure may be recorded for
 * @param breakdowns the ids of the {@link Dimension}s a figure may be broken down by (none: totals only)
 * @param better     which way is progress
 * @param source     where the figure comes from (CBS Jeugdmonitor, Veilig Thuis, the municipality, …)
 */
public record Indicator(String id, String title, int theme, Unit unit, Set<AreaLevel> levels, List<String> breakdowns,
                        Better better, String source) {

    public Indicator {
        levels = Set.copyOf(levels);
        breakdowns = breakdowns == null ? List.of() : List.copyOf(breakdowns);
    }
}
