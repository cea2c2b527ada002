package nl.monitor.reporting.indicator;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.monitor.domain.indicator.Indicator;
import nl.monitor.domain.indicator.Theme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * An indicator's figures per period: the nation's, a Veilig Thuis region's and its municipalities' (those of the
 * period's municipal division), for one breakdown (none: the totals).
 *
 * @param region  the region asked for, null for the national trend alone
 * @param periods oldest first, each period with a figure anywhere
 */
public record IndicatorTrend(Indicator indicator, Theme theme, Map<String, String> breakdown, String region,
                             int minimumCount, List<PeriodFigures> periods) {

    /** One period: the national figure, the region's, and the region's municipalities that have one. */
    public record PeriodFigures(String period, Figure national, Figure region, List<AreaFigure> municipalities) {
    }

    /**
     * A figure, or its absence: {@code value} null with {@code suppressed} true when it is a count below the minimum
     * that this caller may not see; null altogether when none was recorded.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Figure(BigDecimal value, boolean suppressed) {
    }

    /** A municipality's figure. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AreaFigure(String code, String name, BigDecimal value, boolean suppressed) {
    }
}
