package nl.monitor.domain.indicator;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a figure covers: a year ({@code 2024}) or a quarter of it ({@code 2024-Q3}). A year's figures are
 * compared with the Monitor's waves of that year, under that year's municipal division.
 */
public record Period(int year, Integer quarter) implements Comparable<Period> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-Q([1-4]))?");
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    public Period {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("year " + year + " is outside " + FIRST_YEAR + "-" + LAST_YEAR);
        }
        if (quarter != null && (quarter < 1 || quarter > 4)) {
            throw new IllegalArgumentException("quarter " + quarter + " is not 1-4");
        }
    }

    /** The period {@code text} names, or empty when it is not {@code YYYY} or {@code YYYY-Qn} within the years. */
    public static Optional<Period> parse(String text) {
        Matcher m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(1));
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return Optional.empty();
        }
        return Optional.of(new Period(year, m.group(2) == null ? null : Integer.parseInt(m.group(2))));
    }

    public boolean isYear() {
        return quarter == null;
    }

    @Override
    public int compareTo(Period other) {
        int byYear = Integer.compare(year, other.year);
        return byYear != 0 ? byYear : Integer.compare(quarter == null ? 0 : quarter, other.quarter == null ? 0 : other.quarter);
    }

    @Override
    public String toString() {
        return quarter == null ? Integer.toString(year) : year + "-Q" + quarter;
    }
}
