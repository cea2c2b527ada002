package nl.monitor.scoring.indicator;

import nl.monitor.contracts.ThresholdCrossed.AlertWhen;
import nl.monitor.contracts.ThresholdCrossed.Direction;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * When an indicator figure crosses a coordinator's threshold — the rule of the scores' {@code Thresholds}, mirrored
 * for a threshold that may alert above or below:
 * <ul>
 *     <li>an area stands on the alerting side or not; with no earlier state (its first figure under this threshold)
 *     a figure on the alerting side (strictly above a threshold that alerts {@code ABOVE}, strictly below one that
 *     alerts {@code BELOW}) is on it, and that counts as a crossing that fires;</li>
 *     <li>from the quiet side, any figure on the alerting side fires (an area past the threshold is never missed);</li>
 *     <li>from the alerting side it goes back only past the margin: at or below threshold − margin for {@code ABOVE},
 *     at or above threshold + margin for {@code BELOW}; so with threshold 12, margin 2, alerting above, figures
 *     13 → 11 → 13 → 9 fire once and resolve once.</li>
 * </ul>
 * A crossing's direction is the way the value moved: {@code UP} fires an {@code ABOVE} threshold and resolves a
 * {@code BELOW} one.
 */
public final class IndicatorThresholdRule {

    private IndicatorThresholdRule() {
    }

    /** Where a figure leaves the area, and the crossing it made (empty: none). */
    public record Evaluation(boolean alerting, Optional<Direction> crossing) {
    }

    /**
     * @param wasAlerting where the area stood before this figure; null when it never had a figure under this threshold
     */
    public static Evaluation evaluate(Boolean wasAlerting, BigDecimal value, BigDecimal threshold, AlertWhen when,
                                      BigDecimal margin) {
        boolean was = Boolean.TRUE.equals(wasAlerting);
        boolean alerting;
        if (when == AlertWhen.ABOVE) {
            alerting = was ? value.compareTo(threshold.subtract(margin)) > 0 : value.compareTo(threshold) > 0;
        } else {
            alerting = was ? value.compareTo(threshold.add(margin)) < 0 : value.compareTo(threshold) < 0;
        }
        Direction fires = when == AlertWhen.ABOVE ? Direction.UP : Direction.DOWN;
        Direction resolves = when == AlertWhen.ABOVE ? Direction.DOWN : Direction.UP;
        Optional<Direction> crossing = alerting && !was ? Optional.of(fires)
                : !alerting && was ? Optional.of(resolves) : Optional.empty();
        return new Evaluation(alerting, crossing);
    }
}
