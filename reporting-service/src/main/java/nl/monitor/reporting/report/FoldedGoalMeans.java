package nl.monitor.reporting.report;

import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivisions;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A comparison year's goal means over the report year's municipalities: each municipality of the report year's
 * division (on a region or size-class filter, its region and size class) takes the population-weighted mean of its
 * predecessors' scores in the comparison year ({@link Predecessors}, as a card's trend does), and the means are over
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
        return scope.compareWith() != null && MunicipalityDivisions.forYear(scope.compareWith()).year()
                != MunicipalityDivisions.forYear(scope.year()).year();
    }

    /** Per goal the folded means of the comparison year's scores (of every region and size class) in the scope. */
    public static Map<Integer, Means> of(ReportScope scope, List<Scored> earlier) {
        Map<String, Map<Integer, Scored>> byCode = new HashMap<>();
        earlier.forEach(s -> byCode.computeIfAbsent(s.municipality(), c -> new HashMap<>()).put(s.goal(), s));
        Map<Integer, double[]> sums = new TreeMap<>();
        for (Municipality later : MunicipalityDivisions.forYear(scope.year()).all()) {
            if (scope.region() != null && !scope.region().equals(later.region())
                    || scope.sizeClass() != null && scope.sizeClass() != later.sizeClass().number()) {
                continue;
            }
            Map<Integer, double[]> folded = new HashMap<>();     // goal -> weight, total, borging, inhoud, bereik
            for (Predecessors.Predecessor p : Predecessors.of(later.code(), scope.year(), scope.compareWith())
                    .predecessors()) {
                byCode.getOrDefault(p.code(), Map.of()).values().forEach(s -> {
                    double[] f = folded.computeIfAbsent(s.goal(), g -> new double[5]);
                    f[0] += p.weight();
                    f[1] += p.weight() * s.total();
                    f[2] += p.weight() * s.borging();
                    f[3] += p.weight() * s.inhoud();
                    f[4] += p.weight() * s.bereik();
                });
            }
            folded.forEach((goal, f) -> {
                double[] sum = sums.computeIfAbsent(goal, g -> new double[5]);
                sum[0]++;
                for (int i = 1; i < 5; i++) {
                    sum[i] += f[i] / f[0];
                }
            });
        }
        Map<Integer, Means> means = new TreeMap<>();
        sums.forEach((goal, s) -> means.put(goal, new Means((long) s[0], s[1] / s[0], s[2] / s[0], s[3] / s[0],
                s[4] / s[0])));
        return means;
    }
}
