package nl.monitor.survey.service;

import nl.monitor.domain.assessment.Assessment;
import nl.monitor.domain.assessment.ExtraAnswers;
import nl.monitor.domain.assessment.GoalAnswer;
import nl.monitor.domain.questionnaire.Questionnaires;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The body of a submission: a municipality's answers for a year. Goals left out are unanswered.
 *
 * @param questionnaireVersion the questionnaire answered; the latest when left out
 */
@Schema(description = "A municipality's self-assessment for one year")
public record SubmissionRequest(
        @Schema(examples = "GM0363", required = true) String municipality,
        @Schema(examples = "2017", required = true) Integer year,
        @Schema(examples = "1") Integer questionnaireVersion,
        @Schema(required = true) List<GoalAnswer> goals,
        ExtraAnswers extras) {

    public int questionnaireVersionOrLatest() {
        return questionnaireVersion == null ? Questionnaires.LATEST : questionnaireVersion;
    }

    public Assessment toAssessment() {
        return new Assessment(municipality, year == null ? 0 : year, questionnaireVersionOrLatest(), goals, extras);
    }
}
