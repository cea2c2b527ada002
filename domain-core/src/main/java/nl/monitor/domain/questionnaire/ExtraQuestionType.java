package nl.monitor.domain.questionnaire;

/** How an extra question of Bijlage 2 is answered. */
public enum ExtraQuestionType {
    MULTIPLE_CHOICE,
    SINGLE_CHOICE,
    /** Report grades 1-10, one per option (past, current, expected). */
    GRADES,
    YES_NO
}
