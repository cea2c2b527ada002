package nl.monitor.domain.questionnaire;

/** The question texts of the inhoud part; the measure categories themselves differ per goal. */
public record InhoudQuestions(String deploysMeasuresQuestion, String measuresQuestion, String otherMeasureQuestion) {
}
