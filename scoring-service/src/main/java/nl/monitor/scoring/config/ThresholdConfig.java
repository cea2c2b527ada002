package nl.monitor.scoring.config;

import io.smallrye.config.ConfigMapping;

import java.util.List;

/** {@code scoring.thresholds.*}: where a move of the municipality's total raises a threshold-crossed event. */
@ConfigMapping(prefix = "scoring.thresholds")
public interface ThresholdConfig {

    /** Thresholds on the total, e.g. 25 (red norm) and 75 (green norm). */
    List<Double> total();
}
