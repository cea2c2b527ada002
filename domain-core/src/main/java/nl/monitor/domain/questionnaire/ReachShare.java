package nl.monitor.domain.questionnaire;

/** Bereik: the share of the goal's target group that the measures reach. */
public enum ReachShare {
    NONE,
    LESS_THAN_HALF,
    MORE_THAN_HALF,
    EVERYONE
}
