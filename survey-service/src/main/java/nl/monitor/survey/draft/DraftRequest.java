package nl.monitor.survey.draft;

import nl.monitor.domain.assessment.ExtraAnswers;
import nl.monitor.domain.assessment.GoalAnswer;
import nl.monitor.domain.questionnaire.Questionnaires;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * A save of the draft: the answers as far as given (goals left out are not started), and the draft version the
 * respondent's page was showing.
 *
 * @param version the version this save is based on: 0 when there was no draft yet
 */
@Schema(description = "A draft save: the answers so far and the draft version they are based on")
public record DraftRequest(
        @Schema(examples = "3", required = true) Integer version,
        @Schema(examples = "1") Integer questionnaireVersion,
        List<GoalAnswer> goals,
        ExtraAnswers extras) {

    public int questionnaireVersionOrLatest() {
        return questionnaireVersion == null ? Questionnaires.LATEST : questionnaireVersion;
    }

    public List<GoalAnswer> goalsOrEmpty() {
        return goals == null ? List.of() : goals;
    }
}
