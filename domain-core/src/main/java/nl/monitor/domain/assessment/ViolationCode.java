package nl.monitor.domain.assessment;

/** The stable reasons a {@link Violation} can carry; clients may switch on them. */
public final class ViolationCode {

    public static final String REQUIRED = "required";
    public static final String INVALID_FORMAT = "invalid-format";
    public static final String OUT_OF_RANGE = "out-of-range";
    public static final String UNKNOWN_VERSION = "unknown-questionnaire-version";
    public static final String UNKNOWN_GOAL = "unknown-goal";
    public static final String UNKNOWN_CATEGORY = "unknown-category";
    public static final String UNKNOWN_OPTION = "unknown-option";
    /** An answer to an extra question this questionnaire version does not ask. */
    public static final String UNKNOWN_QUESTION = "unknown-question";
    public static final String DUPLICATE = "duplicate";
    public static final String CATEGORY_MISSING = "category-missing";
    public static final String EXCLUSIVE_OPTION_COMBINED = "exclusive-option-combined";
    public static final String TEXT_REQUIRED = "text-required";
    public static final String TEXT_WITHOUT_YES = "text-without-yes";
    public static final String MEASURES_NOT_DEPLOYED = "measures-not-deployed";
    public static final String LAID_DOWN_WITHOUT_INCLUSION = "laid-down-without-inclusion";
    public static final String DOCUMENTS_WITHOUT_LAID_DOWN = "documents-without-laid-down";
    public static final String SHARE_WITHOUT_INSIGHT = "share-without-insight";
    public static final String TOO_LONG = "too-long";
    /** A figure for an indicator the indicator set does not define. */
    public static final String UNKNOWN_INDICATOR = "unknown-indicator";
    /** A figure broken down by a dimension its indicator is not broken down by. */
    public static final String UNKNOWN_BREAKDOWN = "unknown-breakdown";
    /** A figure for a kind of area (municipality, region, nation) its indicator is not recorded for. */
    public static final String LEVEL_NOT_RECORDED = "level-not-recorded";

    private ViolationCode() {
    }
}
