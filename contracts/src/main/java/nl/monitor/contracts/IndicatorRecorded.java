package nl.monitor.contracts;

import nl.monitor.domain.indicator.AreaLevel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@code indicator-recorded}: a figure of an indicator (seed 002's indicator set, the Veilig Thuis registration) for
 * one area, period and breakdown, published by the survey-service in the transaction that stores it. A correction is
 * the next {@link #version} of the same indicator, period, area and breakdown; consumers keep the highest. Keyed by
 * {@link #key()}, so the versions of one area stay in order.
 *
 * @param figureId            the stored figure (one per version)
 * @param indicator           the indicator's id in {@link #indicatorSetVersion}
 * @param indicatorSetVersion the version of the indicator definitions it was validated against
 * @param period              {@code YYYY} or {@code YYYY-Qn}
 * @param level               the kind of area
 * @param area                a municipality code (of the period's division), a Veilig Thuis region, or {@code NL}
 * @param breakdown           dimension id to value id; a dimension left out is the total over it
 * @param value               the figure, in the indicator's unit
 * @param version             1 for the first figure, n + 1 for a correction
 * @param recordedAt          when it was stored
 * @param recordedBy          who recorded it (the token's {@code sub}, or the import's caller)
 */
public record IndicatorRecorded(UUID figureId, String indicator, int indicatorSetVersion, String period,
                                AreaLevel level, String area, Map<String, String> breakdown, BigDecimal value,
                                int version, Instant recordedAt, String recordedBy) {

    public IndicatorRecorded {
        breakdown = breakdown == null ? Map.of() : new TreeMap<>(breakdown);
    }

    /** The CloudEvents subject and Kafka key: the municipality code, {@code region:<name>} or {@code NL}. */
    public String key() {
        return keyOf(level, area);
    }

    public static String keyOf(AreaLevel level, String area) {
        return level == AreaLevel.REGION ? "region:" + area : area;
    }
}
