package nl.monitor.scoring.indicator;

import nl.monitor.contracts.ThresholdCrossed.AlertWhen;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A coordinator's indicator threshold as the API shows it, with the indicator's Dutch title. */
public record IndicatorThresholdView(UUID id, String region, String indicator, String indicatorTitle,
                                     Map<String, String> breakdown, BigDecimal value, AlertWhen alertWhen,
                                     BigDecimal margin, String description, String createdBy, Instant createdAt) {

    static IndicatorThresholdView of(IndicatorThreshold t, String title) {
        return new IndicatorThresholdView(t.id, t.region, t.indicator, title, t.breakdown, t.value, t.alertWhen,
                t.margin, t.description, t.createdBy, t.createdAt);
    }
}
