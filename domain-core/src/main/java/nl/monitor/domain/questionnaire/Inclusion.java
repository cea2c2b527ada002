package nl.monitor.domain.questionnaire;

/** Borging: is the goal (or one of the same tenor) included in municipal or regional policy? */
public enum Inclusion {
    INCLUDED,
    /** Not included, but the municipality intends to include it. */
    INTENDED,
    NOT_INCLUDED
}
