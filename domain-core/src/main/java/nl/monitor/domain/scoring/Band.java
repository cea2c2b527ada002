package nl.monitor.domain.scoring;

/** The Monitor's norm bands for a score of 0-100; the limits are part of the {@link ScoringRules}. */
public enum Band {
    RED,
    ORANGE,
    GREEN
}
