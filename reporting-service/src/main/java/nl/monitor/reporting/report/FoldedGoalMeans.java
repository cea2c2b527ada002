package nl.monitor.reporting.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A comparison year's goal means over the report year's municipalities: each municipality of the report year's
 * division (on a region or size-class filter, its region and size class) takes the population-weighted mean of its
 * predecessors' scores in the comparison year ({@link DivisionFold}, as a card's trend does), and the means are over
 * the municipalities that have such a score (n). The 2014 wave compared with 2017: Bussum, Muiden and Naarden count
 * once, as Gooise Meren. {@link DivisionMapping} states the fold.
 */
public final class FoldedGoalMeans {

    /** One municipality's score on one goal in the comparison year, under its code of that year. */
    public record Scored(String municipality, int goal, double total, double borging, double inhoud, double bereik) {
    }

    /** A goal's means over the n municipalities of the report year with a folded score. */
    public record Means(long n, double total, double borging, double inhoud, double bereik) {
    }

    private FoldedGoalMeans() {
    }

    /** Whether the scope compares two years counted by different divisions (so its earlier year is folded). */
    public static boolean applies(ReportScope scope) {
        return DivisionFold.applies(scope);
    }

    /** Per goal the folded means of the comparison year's scores (of every region and size class) in the scope. */
    public static Map<Integer, Means> of(ReportScope scope, List<Scored> earlier) {
        Map<String, Map<Integer, double[]>> folded = DivisionFold.onto(scope, earlier.stream()
                .map(s -> new DivisionFold.Earlier<>(s.municipality(), s.goal(), s.total(), s.borging(), s.inhoud(),
                        s.bereik())).toList());
        Map<Integer, double[]> sums = new TreeMap<>();     // goal -> n, sums of the folded means
        folded.values().forEach(goals -> goals.forEach((goal, f) -> {
            double[] sum = sums.computeIfAbsent(goal, g -> new double[5]);
            sum[0]++;
            for (int i = 1; i < 5; i++) {
                sum[i] += f[i - 1];
            }
        }));
        Map<Integer, Means> means = new TreeMap<>();
        sums.forEach((goal, s) -> means.put(goal, new Means((long) s[0], s[1] / s[0], s[2] / s[0], s[3] / s[0],
                s[4] / s[0])));
        return means;
    }
}
