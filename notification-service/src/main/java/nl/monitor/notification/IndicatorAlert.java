package nl.monitor.notification;

import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.contracts.ThresholdCrossed.AlertWhen;
import nl.monitor.domain.indicator.AreaLevel;
import nl.monitor.domain.indicator.Dimension;
import nl.monitor.domain.indicator.Indicator;
import nl.monitor.domain.indicator.IndicatorSet;
import nl.monitor.domain.indicator.Indicators;
import nl.monitor.domain.indicator.Unit;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivisions;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What an alert on an indicator figure says (threshold-crossed v2): which indicator (with its Dutch title and unit),
 * area, period and breakdown, the coordinator's threshold and the side that alerts, the value and the previous one.
 *
 * @param areaName       the municipality's name in the period's division, or the region's name
 * @param breakdownLabel the breakdown in Dutch ("Type kindermishandeling: Seksueel misbruik"), "totaal" without one
 */
@Schema(description = "An indicator figure's crossing of a coordinator's threshold: null on a score's alert")
public record IndicatorAlert(UUID thresholdId, String indicator, String title, Unit unit, int indicatorSetVersion,
                             String period, AreaLevel level, String area, String areaName,
                             Map<String, String> breakdown, String breakdownLabel, BigDecimal threshold,
                             AlertWhen alertWhen, BigDecimal value, BigDecimal previousValue, String previousPeriod,
                             UUID figureId, int figureVersion, String indicatorEventId) {

    public IndicatorAlert {
        breakdown = breakdown == null ? Map.of() : new TreeMap<>(breakdown);
    }

    /** The alert's part of a crossing, named in Dutch from the indicator set the figure was recorded against. */
    public static IndicatorAlert of(ThresholdCrossed.IndicatorCrossing c) {
        IndicatorSet set = setOf(c.indicatorSetVersion());
        Optional<Indicator> indicator = set.indicator(c.indicator());
        String breakdownLabel = breakdownLabel(set, c.breakdown());
        int year = Integer.parseInt(c.period().substring(0, 4));
        String areaName = c.level() == AreaLevel.MUNICIPALITY ? MunicipalityDivisions.municipalityOf(c.area(), year)
                .map(Municipality::name).orElse(c.area()) : c.area();
        return new IndicatorAlert(c.thresholdId(), c.indicator(), indicator.map(Indicator::title).orElse(c.indicator()),
                indicator.map(Indicator::unit).orElse(null), c.indicatorSetVersion(), c.period(), c.level(), c.area(),
                areaName, c.breakdown(), breakdownLabel, c.threshold(), c.alertWhen(), c.value(), c.previousValue(),
                c.previousPeriod(), c.figureId(), c.figureVersion(), c.indicatorEventId());
    }

    /** The indicator set of that version, or the latest when this build does not ship it. */
    public static IndicatorSet setOf(int version) {
        return Indicators.all().stream().filter(s -> s.version() == version).findFirst().orElseGet(Indicators::latest);
    }

    /** A breakdown in Dutch: "Type kindermishandeling: Seksueel misbruik"; "totaal" without one. */
    public static String breakdownLabel(IndicatorSet set, Map<String, String> breakdown) {
        return breakdown.isEmpty() ? "totaal" : new TreeMap<>(breakdown).entrySet().stream()
                .map(e -> set.dimension(e.getKey()).map(d -> d.title() + ": " + d.value(e.getValue())
                        .map(Dimension.Value::label).orElse(e.getValue())).orElse(e.getKey() + ": " + e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** The series whose open alert a crossing back resolves: the threshold, the area and the kind of period. */
    public String series() {
        return thresholdId + "/" + level + ":" + area + "/" + (period.contains("-Q") ? "QUARTER" : "YEAR");
    }
}
