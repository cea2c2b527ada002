package nl.monitor.reporting.report;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * How likely a Pearson correlation as strong as {@code r} over {@code n} pairs is when there is none: the two-sided
 * p-value of Student's t test with n - 2 degrees of freedom, {@code t = r sqrt((n - 2) / (1 - r²))} (Figuur 4.12 of the
 * 2017 report gives r with its p-value).
 */
public final class Significance {

    private Significance() {
    }

    /** The two-sided p-value of {@code r} (unrounded) over {@code n} pairs; null when r is null or n below 3. */
    public static Double pearsonP(Double r, long n) {
        if (r == null || r.isNaN() || n < 3) {
            return null;
        }
        if (Math.abs(r) >= 1) {
            return 0.0;
        }
        double t = Math.abs(r) * Math.sqrt((n - 2) / (1 - r * r));
        return 2 * (1 - new TDistribution(null, n - 2).cumulativeProbability(t));
    }
}
