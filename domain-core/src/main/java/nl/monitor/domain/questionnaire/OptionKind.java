package nl.monitor.domain.questionnaire;

/** What choosing an option means for validation and scoring. */
public enum OptionKind {
    /** A measure as listed in the report's tables. */
    MEASURE,
    /** "Anders": another measure, which needs a free text to count. */
    OTHER,
    /** "(geen onderdeel van beleid)": the category is not part of policy; excludes every other option of it. */
    NOT_IN_POLICY
}
