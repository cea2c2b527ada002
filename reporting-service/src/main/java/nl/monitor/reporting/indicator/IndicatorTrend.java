package nl.monitor.reporting.indicator;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.monitor.domain.indicator.Indicator;
import nl.monitor.domain.indicator.Theme;
import nl.monitor.reporting.report.CsvTable;
import nl.monitor.reporting.report.Tabular;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An indicator's figures per period: the nation's, a Veilig Thuis region's and its municipalities' (those of the
 * period's municipal division), for one breakdown (none: the totals).
 *
 * @param region             the region asked for, null for the national trend alone
 * @param foldedOntoDivision with {@code fold=true}: the year of the municipal division every period's municipalities
 *                           are shown in (the latest period's), earlier divisions' figures folded onto it; else null
 * @param periods            oldest first, each period with a figure anywhere
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IndicatorTrend(Indicator indicator, Theme theme, Map<String, String> breakdown, String region,
                             int minimumCount, Integer foldedOntoDivision, List<PeriodFigures> periods)
        implements Tabular {

    /**
     * One row per figure: the period, the level and area (the nation, the region, each municipality), the breakdown as
     * {@code dimension=value;…}, the value (empty when none or suppressed) and whether it is suppressed.
     */
    @Override
    public CsvTable table() {
        CsvTable table = new CsvTable("indicator", "title", "unit", "breakdown", "period", "level", "area", "name",
                "value", "suppressed", "folded_from");
        String over = breakdown.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
        for (PeriodFigures period : periods) {
            Row row = (level, code, name, value, suppressed, foldedFrom) -> table.row(indicator.id(),
                    indicator.title(), indicator.unit().name(), over, period.period(), level, code, name, value,
                    suppressed, foldedFrom == null ? null : String.join(" ", foldedFrom));
            if (period.national() != null) {
                row.add("NATIONAL", "NL", "Nederland", period.national().value(), period.national().suppressed(),
                        null);
            }
            if (period.region() != null) {
                row.add("REGION", region, region, period.region().value(), period.region().suppressed(), null);
            }
            for (AreaFigure municipality : period.municipalities()) {
                row.add("MUNICIPALITY", municipality.code(), municipality.name(), municipality.value(),
                        municipality.suppressed(), municipality.foldedFrom());
            }
        }
        return table;
    }

    /** One row of {@link #table()}: the indicator's and the period's cells come first in every row. */
    private interface Row {
        void add(String level, String code, String name, BigDecimal value, boolean suppressed,
                 List<String> foldedFrom);
    }

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

    /**
     * A municipality's figure.
     *
     * @param foldedFrom the codes of the predecessors (in the period's division) whose figures were folded into it;
     *                   null when it is the municipality's own figure
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AreaFigure(String code, String name, BigDecimal value, boolean suppressed, List<String> foldedFrom) {
    }
}
