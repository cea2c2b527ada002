package nl.monitor.notification.subscription;

import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.contracts.ThresholdCrossed.Direction;
import nl.monitor.contracts.ThresholdCrossed.Threshold;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Which crossings of its region a subscription wants; an empty or missing part matches everything.
 *
 * @param municipalities only these municipalities (CBS codes of the subscription's region)
 * @param thresholds     only these thresholds, e.g. {@code {"scope":"TOTAL","value":25}} or
 *                       {@code {"scope":"GOAL","goal":3,"value":40}}, or {@code {"scope":"INDICATOR"}}: the
 *                       region's indicator crossings (the coordinators' indicator thresholds)
 * @param direction      DOWN: alerts (and the resolved notices of those alerts); UP: only recoveries; none: both
 */
@Schema(description = "Which crossings of the region to hear about; a part left out matches everything")
public record SubscriptionFilter(
        @Schema(examples = "[\"GM0014\",\"GM0037\"]") List<String> municipalities,
        List<Threshold> thresholds,
        Direction direction) {

    public SubscriptionFilter {
        municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
    }

    public static final SubscriptionFilter EVERYTHING = new SubscriptionFilter(null, null, null);

    /**
     * Whether the crossing is about what this filter asks for (municipality, threshold and direction). A threshold
     * row of scope {@code INDICATOR} (no goal, no value) stands for every indicator crossing of the region: a filter
     * with thresholds hears of indicator figures only with such a row; one without thresholds hears of all. A
     * municipality filter leaves out a region's own figures (they have no municipality). {@code direction} DOWN means
     * the crossings that fire (an indicator's may go up: "above 12 %"), UP the recoveries.
     */
    public boolean matches(ThresholdCrossed crossing) {
        // List.copyOf's contains(null) throws: a region's indicator figure has no municipality
        return (municipalities.isEmpty() || crossing.municipality() != null
                && municipalities.contains(crossing.municipality()))
                && (thresholds.isEmpty() || thresholds.stream().anyMatch(t -> same(t, crossing.threshold())))
                && (direction == null || (direction == ThresholdCrossed.Direction.DOWN) == crossing.firing());
    }

    private static boolean same(Threshold wanted, Threshold crossed) {
        if (wanted.scope() == Threshold.Scope.INDICATOR) {
            return crossed.scope() == Threshold.Scope.INDICATOR;
        }
        return wanted.scope() == crossed.scope() && wanted.value() == crossed.value()
                && java.util.Objects.equals(wanted.goal(), crossed.goal());
    }
}
