package nl.monitor.domain.questionnaire;

/**
 * The report grades a GRADES question takes, lowest to highest inclusive (1-10 in Bijlage 2): questionnaire data, so
 * the validator and the questionnaire page take the same range from the questionnaire.
 */
public record GradeScale(int lowest, int highest) {

    public GradeScale {
        if (lowest > highest) {
            throw new IllegalArgumentException("A grade scale runs from its lowest to its highest, was " + lowest
                    + "-" + highest);
        }
    }

    public boolean contains(int grade) {
        return grade >= lowest && grade <= highest;
    }
}
