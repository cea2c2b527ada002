package nl.monitor.domain.indicator;

/** Which way a figure moves towards its theme's target. */
public enum Better {
    HIGHER,
    LOWER;

    /** Whether {@code value} meets {@code target} in this direction (equal meets it). */
    public boolean meets(double value, double target) {
        return this == HIGHER ? value >= target : value <= target;
    }
}
