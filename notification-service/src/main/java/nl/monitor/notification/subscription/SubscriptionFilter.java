package nl.monitor.notification.subscription;

import com.fasterxml.jackson.annotation.JsonInclude;
import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.contracts.ThresholdCrossed.Direction;
import nl.monitor.contracts.ThresholdCrossed.Threshold;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * Which crossings of its region a subscription wants; an empty or missing part matches everything.
 *
 * @param municipalities only these municipalities (CBS codes of the subscription's region); a region's own indicator
 *                       figure has no municipality and does not match
 * @param thresholds     only these score thresholds, e.g. {@code {"scope":"TOTAL","value":25}} or
 *                       {@code {"scope":"GOAL","goal":3,"value":40}}
 * @param direction      DOWN: alerts (and the resolved notices of those alerts); UP: only recoveries; none: both
 * @param indicators     only the crossings of these indicators (ids of the indicator set, or {@code *} for all) of
 *                       the coordinators' indicator thresholds
 * @param targets        true: also the municipalities' own targets missed (and met again or withdrawn); opt-in — a
 *                       filter without it hears of none; it narrows nothing else
 */
@Schema(description = "Which crossings of the region to hear about; a part left out matches everything, except that "
        + "a filter naming only thresholds hears of no indicator crossings, and one naming only indicators of no "
        + "score crossings; the municipalities' own targets only with targets: true, which adds them to what the rest "
        + "of the filter hears")
public record SubscriptionFilter(
        @Schema(examples = "[\"GM0014\",\"GM0037\"]") List<String> municipalities,
        List<Threshold> thresholds,
        Direction direction,
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Schema(examples = "[\"vt-repeat-reports\"]", description = "indicator crossings (issue 28) of these "
                + "indicators only, or [\"*\"] for all; left out with thresholds given: none")
        List<String> indicators,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "true: a municipality of the region missing a target of its own plan in its year (and "
                + "meeting it again, or taking it out of the plan), besides what the rest of the filter hears; left out "
                + "or false: none of those")
        Boolean targets) {

    /** Every indicator. */
    public static final String ALL_INDICATORS = "*";

    public SubscriptionFilter {
        municipalities = municipalities == null ? List.of() : List.copyOf(municipalities);
        thresholds = thresholds == null ? List.of() : List.copyOf(thresholds);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        // false is as good as left out: the filter reads (and is stored) as before targets existed
        targets = Boolean.TRUE.equals(targets) ? Boolean.TRUE : null;
    }

    public SubscriptionFilter(List<String> municipalities, List<Threshold> thresholds, Direction direction) {
        this(municipalities, thresholds, direction, null, null);
    }

    public SubscriptionFilter(List<String> municipalities, List<Threshold> thresholds, Direction direction,
                              List<String> indicators) {
        this(municipalities, thresholds, direction, indicators, null);
    }

    public static final SubscriptionFilter EVERYTHING = new SubscriptionFilter(null, null, null, null, null);

    /**
     * Whether the crossing is about what this filter asks for (municipality, threshold or indicator, direction).
     * What a crossing is about: a score's its threshold, an indicator's its indicator. Naming neither thresholds nor
     * indicators hears of both kinds; naming one kind hears of that kind only (so a filter made before indicators
     * existed keeps hearing of exactly what it did). A municipality's own target is heard of only with
     * {@code targets: true}, which adds them and narrows nothing else ({@code {"targets": true}} alone hears of all
     * three kinds; the municipalities and the direction apply to targets as to scores).
     * {@code direction} DOWN means the crossings that fire (an indicator's may go up: "above 12 %"; a target missed),
     * UP the recoveries.
     */
    public boolean matches(ThresholdCrossed crossing) {
        boolean about;
        boolean wantsTargets = Boolean.TRUE.equals(targets);
        if (crossing.target() != null) {
            about = wantsTargets;
        } else if (thresholds.isEmpty() && indicators.isEmpty()) {
            about = true;
        } else if (crossing.indicator() != null) {
            about = indicators.contains(ALL_INDICATORS) || indicators.contains(crossing.indicator().indicator());
        } else {
            about = thresholds.stream().anyMatch(t -> same(t, crossing.threshold()));
        }
        // List.copyOf's contains(null) throws: a region's indicator figure has no municipality
        return about && (municipalities.isEmpty() || crossing.municipality() != null
                && municipalities.contains(crossing.municipality()))
                && (direction == null || (direction == ThresholdCrossed.Direction.DOWN) == crossing.firing());
    }

    private static boolean same(Threshold wanted, Threshold crossed) {
        return crossed != null && wanted.scope() == crossed.scope() && wanted.value() == crossed.value()
                && java.util.Objects.equals(wanted.goal(), crossed.goal());
    }
}
