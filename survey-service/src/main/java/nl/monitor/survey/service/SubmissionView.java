package nl.monitor.survey.service;

import nl.monitor.domain.assessment.ExtraAnswers;
import nl.monitor.domain.assessment.GoalAnswer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored submission as the API returns it.
 *
 * @param version the version of this municipality's assessment for the year (1, 2, ...)
 * @param current whether this is the newest version, the one reports count
 */
public record SubmissionView(UUID id, String municipality, int year, int version, boolean current,
                             int questionnaireVersion, Instant submittedAt, String submittedBy,
                             List<GoalAnswer> goals, ExtraAnswers extras) {
}
