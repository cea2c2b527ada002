package nl.monitor.survey.draft;

import nl.monitor.domain.scoring.Band;
import nl.monitor.rest.Problem;

import java.util.List;

/**
 * The score the answers so far would get, by the same rules the scoring-service applies; nothing is stored.
 *
 * @param total         mean of the started goals' totals
 * @param goalsAnswered the goals started (at least one part answered)
 * @param problems      what "Indienen" would still refuse, each at its path (as the 422 of a submission)
 */
public record Preview(int rulesVersion, double total, int goalsAnswered, Band band, List<GoalPreview> goals,
                      List<Problem.FieldError> problems) {

    /**
     * One started goal.
     *
     * @param complete    the goal's answers are valid as they stand
     * @param suggestions the measures that would raise the goal's score if added, with the gain, highest first
     */
    public record GoalPreview(int goal, String title, double borging, double inhoud, double bereik, double total,
                              Band band, boolean complete, List<Suggestion> suggestions) {
    }

    public record Suggestion(String category, String categoryLabel, String option, String label, double gain) {
    }
}
