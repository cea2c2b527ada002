package nl.monitor.domain.assessment;

/**
 * One chosen option of a measure category.
 *
 * @param text required for "Anders" (the other measure, in the respondent's words); ignored otherwise
 */
public record OptionAnswer(String option, String text) {

    public static OptionAnswer of(String option) {
        return new OptionAnswer(option, null);
    }
}
