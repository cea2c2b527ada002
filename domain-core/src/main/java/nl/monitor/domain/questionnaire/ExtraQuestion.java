package nl.monitor.domain.questionnaire;

import java.util.List;
import java.util.Optional;

/**
 * One of the six extra questions of Bijlage 2. They are reported, not scored.
 *
 * @param scale a GRADES question's grades (required there, none for the other types)
 */
public record ExtraQuestion(String id, int number, ExtraQuestionType type, String text, List<ChoiceOption> options,
                            GradeScale scale) {

    public static final String RISK_GROUP_FIGURES = "risk-group-figures";
    public static final String TARGET_GROUP_POLICY = "target-group-policy";
    public static final String SELF_ASSESSMENT_GRADES = "self-assessment-grades";
    public static final String COOPERATION_IMPROVED = "cooperation-improved";
    public static final String YOUTH_INVOLVED = "youth-involved";
    public static final String REGIONAL_VISION = "regional-vision";

    /** The extra questions the answer model ({@code ExtraAnswers}) can carry; a questionnaire asks any of them. */
    public static final List<String> KNOWN = List.of(RISK_GROUP_FIGURES, TARGET_GROUP_POLICY, SELF_ASSESSMENT_GRADES,
            COOPERATION_IMPROVED, YOUTH_INVOLVED, REGIONAL_VISION);

    public ExtraQuestion {
        options = List.copyOf(options);
        if ((type == ExtraQuestionType.GRADES) != (scale != null)) {
            throw new IllegalArgumentException("Extra question " + id + ": a GRADES question has a scale, others none");
        }
    }

    public Optional<ChoiceOption> option(String optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }
}
