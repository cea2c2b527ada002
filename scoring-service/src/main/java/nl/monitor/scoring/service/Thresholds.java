package nl.monitor.scoring.service;

import nl.monitor.contracts.ThresholdCrossed.Direction;
import nl.monitor.contracts.ThresholdCrossed.Threshold;
import nl.monitor.domain.questionnaire.Questionnaires;
import nl.monitor.scoring.config.ThresholdConfig;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The thresholds the scoring-service watches, and the rule that says when a score crosses one.
 * <p>
 * A municipality stands <em>below</em> a threshold or not. With no earlier state (its first score, or a goal it
 * answers for the first time) it is below when its score is under the threshold, and that counts as crossing down.
 * From above, it crosses down as soon as its score is under the threshold. From below, it crosses back up only when
 * its score reaches threshold + margin: with margin 5 a total going 24 → 26 → 24 → 31 alerts down once and up once.
 * A goal left unanswered keeps its state and crosses nothing. With margin 0 this is plain "under the threshold".
 *
 * @param watched the thresholds, totals first, then by goal
 * @param margin  the hysteresis margin, at least 0
 */
public record Thresholds(List<Threshold> watched, double margin) {

    public Thresholds {
        if (margin < 0) {
            throw new IllegalArgumentException("scoring.thresholds.margin must not be negative: " + margin);
        }
        watched = List.copyOf(watched);
    }

    public static Thresholds from(ThresholdConfig config) {
        List<Threshold> watched = new ArrayList<>();
        config.total().stream().distinct().sorted().map(Threshold::total).forEach(watched::add);
        for (String key : config.goal().keySet()) {
            goalNumber(key);
        }
        for (int goal : Questionnaires.goalNumbers()) {
            List<Double> values = config.goal().getOrDefault(String.valueOf(goal),
                    config.everyGoal().orElse(List.of()));
            int number = goal;
            values.stream().distinct().sorted().map(value -> Threshold.goal(number, value)).forEach(watched::add);
        }
        return new Thresholds(watched, config.margin());
    }

    /** A goal of any shipped questionnaire (goals 1-10 of the Monitor, 1-11 of the BMC points of attention). */
    private static int goalNumber(String key) {
        try {
            int goal = Integer.parseInt(key);
            if (Questionnaires.goalNumbers().contains(goal)) {
                return goal;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("scoring.thresholds.goal.\"" + key + "\": the questionnaires have goals "
                + Questionnaires.goalNumbers() + " only");
    }

    /** One threshold crossed, and which way. */
    public record Crossing(Threshold threshold, Direction direction) {
    }

    /**
     * Where a new score leaves the municipality.
     *
     * @param below     the keys ({@link #key}) of the thresholds it stands below after the new score
     * @param crossings the thresholds the new score crossed, in the order of {@link #watched}
     */
    public record Outcome(Set<String> below, List<Crossing> crossings) {
    }

    /**
     * @param previousBelow the keys it stood below after its standing score; null when never scored or unknown
     *                      (then derived from {@code previous} with margin 0)
     * @param previous      the standing score's value per threshold (null: not scored, or goal not answered)
     * @param current       the new score's value per threshold (null: goal not answered)
     */
    public Outcome evaluate(Set<String> previousBelow, Function<Threshold, Double> previous,
                            Function<Threshold, Double> current) {
        Set<String> below = new LinkedHashSet<>();
        List<Crossing> crossings = new ArrayList<>();
        for (Threshold threshold : watched) {
            Double before = previous.apply(threshold);
            Boolean wasBelow = previousBelow != null ? Boolean.valueOf(previousBelow.contains(key(threshold)))
                    : before == null ? null : before < threshold.value();
            Double now = current.apply(threshold);
            if (now == null) {
                if (Boolean.TRUE.equals(wasBelow)) {
                    below.add(key(threshold));
                }
                continue;
            }
            boolean isBelow = Boolean.TRUE.equals(wasBelow) ? now < threshold.value() + margin
                    : now < threshold.value();
            if (isBelow) {
                below.add(key(threshold));
            }
            if (isBelow && !Boolean.TRUE.equals(wasBelow)) {
                crossings.add(new Crossing(threshold, Direction.DOWN));
            } else if (!isBelow && Boolean.TRUE.equals(wasBelow)) {
                crossings.add(new Crossing(threshold, Direction.UP));
            }
        }
        return new Outcome(below, crossings);
    }

    /** A stable name of a threshold, as stored with each score: {@code total<25.0}, {@code goal3<40.0}. */
    public static String key(Threshold threshold) {
        return (threshold.scope() == Threshold.Scope.TOTAL ? "total" : "goal" + threshold.goal()) + "<"
                + threshold.value();
    }

    /** The values of a score per threshold: its total, or the score of the threshold's goal when answered. */
    public static Function<Threshold, Double> values(double total, Map<Integer, Double> goals) {
        return threshold -> threshold.scope() == Threshold.Scope.TOTAL ? Double.valueOf(total)
                : goals.get(threshold.goal());
    }
}
