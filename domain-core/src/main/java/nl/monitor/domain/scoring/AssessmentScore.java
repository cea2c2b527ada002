package nl.monitor.domain.scoring;

import java.util.List;
import java.util.Optional;

/**
 * The score of a whole assessment under one rules version: per answered goal, and the municipality's total,
 * the mean of the goal totals over the goals it answered ({@code goalsAnswered} goes with it everywhere).
 */
public record AssessmentScore(int rulesVersion, List<GoalScore> goals, double total, int goalsAnswered, Band band) {

    public AssessmentScore {
        goals = List.copyOf(goals);
    }

    public Optional<GoalScore> goal(int number) {
        return goals.stream().filter(g -> g.goal() == number).findFirst();
    }
}
