package nl.monitor.survey.draft;

import nl.monitor.domain.assessment.ExtraAnswers;
import nl.monitor.domain.assessment.GoalAnswer;

import java.time.Instant;
import java.util.List;

/**
 * A saved draft as the API returns it.
 *
 * @param version          the number of saves; send it back with the next save or "Indienen"
 * @param submittedVersion the submission version the last "Indienen" made of it, null when never submitted
 */
public record DraftView(String municipality, int year, int version, int questionnaireVersion,
                        List<GoalAnswer> goals, ExtraAnswers extras, Instant updatedAt, String updatedBy,
                        Integer submittedVersion, Instant submittedAt) {
}
