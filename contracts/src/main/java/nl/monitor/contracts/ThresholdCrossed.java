package nl.monitor.contracts;

import nl.monitor.domain.scoring.Band;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code threshold-crossed}: a municipality's score moved across a threshold (published by the scoring-service).
 * A municipality whose first score is already below a threshold crosses it downwards ({@code previousScore} null).
 *
 * @param scoreEventId         the id of the {@code score-computed} event this crossing came from
 * @param questionnaireVersion the questionnaire the scored submission answered (its goal numbers and titles); null in
 *                             events published before it was carried
 */
public record ThresholdCrossed(UUID crossingId, String municipality, String region, int year, Threshold threshold,
                               Direction direction, Double previousScore, double newScore, Band previousBand,
                               Band newBand, String scoreEventId, UUID submissionId, Instant occurredAt,
                               Integer questionnaireVersion) {

    /** Which way the score moved across the threshold. */
    public enum Direction {
        DOWN,
        UP
    }

    /**
     * A threshold on the municipality's total ({@code goal} null) or on one goal's score.
     */
    public record Threshold(Scope scope, Integer goal, double value) {

        public enum Scope {
            TOTAL,
            GOAL
        }

        public static Threshold total(double value) {
            return new Threshold(Scope.TOTAL, null, value);
        }

        public static Threshold goal(int goal, double value) {
            return new Threshold(Scope.GOAL, goal, value);
        }
    }
}
