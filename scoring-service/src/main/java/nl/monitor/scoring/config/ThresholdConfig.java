package nl.monitor.scoring.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code scoring.thresholds.*}: where a move of a municipality's score raises a {@code threshold-crossed} event.
 * <pre>
 * scoring.thresholds.total=25,75        # on the total (the Monitor's red and green norms)
 * scoring.thresholds.every-goal=25      # on every goal's score (default: none)
 * scoring.thresholds.goal."3"=40,60     # on goal 3's score, instead of every-goal
 * scoring.thresholds.margin=5           # hysteresis: back up only at 25 + 5 (default 0)
 * </pre>
 */
@ConfigMapping(prefix = "scoring.thresholds")
public interface ThresholdConfig {

    /** Thresholds on the total, e.g. 25 (red norm) and 75 (green norm). */
    List<Double> total();

    /** Thresholds on the score of every goal, unless {@link #goal()} names that goal. */
    Optional<List<Double>> everyGoal();

    /** Thresholds on the score of one goal, keyed by its number (a goal of any shipped questionnaire). */
    Map<String, List<Double>> goal();

    /**
     * The hysteresis margin: a municipality below a threshold counts as back above it only once its score reaches
     * threshold + margin.
     */
    @WithDefault("0")
    double margin();
}
