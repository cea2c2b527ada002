package nl.monitor.scoring.service;

import nl.monitor.contracts.ThresholdCrossed.Direction;
import nl.monitor.contracts.ThresholdCrossed.Threshold;

import java.util.ArrayList;
import java.util.List;

/**
 * Which thresholds a move from a previous to a new total crosses. Below a threshold means strictly under it. A
 * municipality without a previous score that starts below a threshold crosses it downwards; one that starts at or
 * above it crosses nothing.
 */
public final class ThresholdCrossings {

    private ThresholdCrossings() {
    }

    /** One threshold crossed, and which way. */
    public record Crossing(Threshold threshold, Direction direction) {
    }

    public static List<Crossing> between(Double previous, double current, List<Double> thresholds) {
        List<Crossing> crossings = new ArrayList<>();
        for (double value : thresholds) {
            boolean wasBelow = previous != null && previous < value;
            boolean isBelow = current < value;
            if (isBelow && !wasBelow) {
                crossings.add(new Crossing(Threshold.total(value), Direction.DOWN));
            } else if (wasBelow && !isBelow) {
                crossings.add(new Crossing(Threshold.total(value), Direction.UP));
            }
        }
        return crossings;
    }
}
