package nl.monitor.scoring.service;

import nl.monitor.domain.scoring.Band;
import nl.monitor.domain.scoring.GoalScore;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored score as the API returns it.
 *
 * @param current whether this scores the current version of the municipality's assessment for the year
 */
public record ScoreView(UUID submissionId, String municipality, int year, int submissionVersion, int rulesVersion,
                        double total, Band band, int goalsAnswered, List<GoalScore> goals, Instant computedAt,
                        boolean current) {
}
