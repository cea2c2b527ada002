package nl.monitor.reporting.report;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * How the reports round, as the 2017 report prints its tables: percentages in whole percents, rounded half up
 * (12.5 % prints as 13 %), computed exactly from the two counts; means of scores to one decimal, half up; points of
 * a score to two decimals; a correlation to two decimals, its p-value to three. Nothing is rounded before it is aggregated.
 */
public final class Rounding {

    private Rounding() {
    }

    /** {@code part} as whole percents of {@code whole}, half up; null when {@code whole} is 0. */
    public static Integer percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        BigInteger[] quotient = BigInteger.valueOf(200 * part + whole).divideAndRemainder(BigInteger.valueOf(2 * whole));
        return quotient[0].intValueExact();
    }

    /** A mean of scores or grades, one decimal, half up; null stays null. */
    public static Double mean(Double value) {
        return round(value, 1);
    }

    /** Points of a score, two decimals, half up. */
    public static Double points(Double value) {
        return round(value, 2);
    }

    /** A correlation coefficient, two decimals, half up. */
    public static Double correlation(Double value) {
        return round(value, 2);
    }

    /** A p-value, three decimals, half up. */
    public static Double pValue(Double value) {
        return round(value, 3);
    }

    /** A percentage of a maximum, whole percents, half up. */
    public static Integer percentOf(double value, double maximum) {
        return BigDecimal.valueOf(100 * value / maximum).setScale(9, RoundingMode.HALF_UP)
                .setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    private static Double round(Double value, int decimals) {
        if (value == null || value.isNaN()) {
            return null;
        }
        // First to 9 decimals, so a mean such as 72.45 stored as 72.44999999 rounds as the exact value would.
        return BigDecimal.valueOf(value).setScale(9, RoundingMode.HALF_UP).setScale(decimals, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
