package nl.monitor.domain.indicator;

import java.math.BigDecimal;
import java.util.Optional;

/** What an indicator's figure counts, and so which values it can take. */
public enum Unit {
    /** A share, 0 to 100. */
    PERCENTAGE,
    /** A whole number of things: advice requests, reports, municipalities. */
    COUNT,
    /** A lead time in days. */
    DAYS,
    /** Any other non-negative figure, e.g. professionals per family. */
    NUMBER;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Why {@code value} cannot be a figure in this unit, or empty when it can. */
    public Optional<String> refuse(BigDecimal value) {
        if (value.signum() < 0) {
            return Optional.of("must not be negative");
        }
        if (this == PERCENTAGE && value.compareTo(HUNDRED) > 0) {
            return Optional.of("is a percentage: at most 100");
        }
        if (this == COUNT && value.stripTrailingZeros().scale() > 0) {
            return Optional.of("is a count: a whole number");
        }
        return Optional.empty();
    }
}
