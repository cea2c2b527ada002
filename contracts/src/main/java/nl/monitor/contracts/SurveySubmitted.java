package nl.monitor.contracts;

import nl.monitor.domain.assessment.Assessment;
import nl.monitor.domain.assessment.ExtraAnswers;
import nl.monitor.domain.assessment.GoalAnswer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code survey-submitted}: a municipality's assessment for a year was stored (published by the survey-service).
 *
 * @param version the version of this municipality's assessment for the year: 1 for the first submission, then up
 *                with each resubmission; the highest version is the current one
 */
public record SurveySubmitted(UUID submissionId, String municipality, int year, int questionnaireVersion,
                              int version, Instant submittedAt, List<GoalAnswer> goals, ExtraAnswers extras) {

    public SurveySubmitted {
        goals = List.copyOf(goals);
    }

    public Assessment toAssessment() {
        return new Assessment(municipality, year, questionnaireVersion, goals, extras);
    }
}
