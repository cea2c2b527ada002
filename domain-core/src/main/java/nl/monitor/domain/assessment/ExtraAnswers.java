package nl.monitor.domain.assessment;

import nl.monitor.domain.support.Lists;

import java.util.List;

/**
 * The six extra questions of Bijlage 2, each optional (left {@code null} or empty when not answered).
 * Option values are the option ids of the questionnaire's extra questions.
 *
 * @param riskGroupFigures         question 1, multiple choice
 * @param targetGroupPolicies      question 2, multiple choice
 * @param grades                   question 3, report grades 1-10
 * @param cooperationImproved      question 4, single choice
 * @param cooperationExplanation   question 4, optional explanation
 * @param youthInvolved            question 5, yes/no
 * @param youthInvolvementHow      question 5, how youth is involved (only with yes)
 * @param regionalVision           question 6, single choice
 */
public record ExtraAnswers(List<String> riskGroupFigures, List<String> targetGroupPolicies,
                           SelfAssessmentGrades grades, String cooperationImproved, String cooperationExplanation,
                           Boolean youthInvolved, String youthInvolvementHow, String regionalVision) {

    public ExtraAnswers {
        riskGroupFigures = Lists.copyOrEmpty(riskGroupFigures);
        targetGroupPolicies = Lists.copyOrEmpty(targetGroupPolicies);
    }
}
