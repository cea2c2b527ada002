package nl.monitor.contracts;

import nl.monitor.domain.scoring.Band;
import nl.monitor.domain.scoring.GoalScore;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code score-computed}: a submission was scored (published by the scoring-service).
 *
 * @param submissionVersion the {@link SurveySubmitted#version()} that was scored
 * @param totalScore        the mean of the goal totals over the {@code goalsAnswered} goals
 */
public record ScoreComputed(UUID submissionId, String municipality, int year, int submissionVersion,
                            int rulesVersion, List<GoalScore> goals, double totalScore, int goalsAnswered,
                            Band band, Instant computedAt) {

    public ScoreComputed {
        goals = List.copyOf(goals);
    }
}
