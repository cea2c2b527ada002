package nl.monitor.reporting.report;

import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivisions;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fold of a comparison year counted by another municipal division onto the report year's municipalities, shared
 * by the reports that fold a mean (goal scores, the distribution of totals, the grades of the extras): each
 * municipality of the report year's division in the scope (on a region or size-class filter, its region and size
 * class of then) takes, per key, the population-weighted mean of the values of its predecessors in the comparison
 * year that have that key ({@link Predecessors}, as a card's trend does). Counts of municipalities that chose
 * something (measures, policy inclusion, extra questions' choices, no goal in policy) are not folded: whether a merged
 * municipality took a measure is no mean of its predecessors' answers; {@link #note} says so in the report's mapping.
 */
public final class DivisionFold {

    /** Values of one municipality of the comparison year under its code of then, for one key (a goal, "total"). */
    public record Earlier<K>(String municipality, K key, double... values) {
    }

    private DivisionFold() {
    }

    /** Whether the scope compares two years counted by different divisions (so its earlier year is folded). */
    public static boolean applies(ReportScope scope) {
        return scope.compareWith() != null && MunicipalityDivisions.forYear(scope.compareWith()).year()
                != MunicipalityDivisions.forYear(scope.year()).year();
    }

    /**
     * Per municipality of the report year in the scope (code, in division order) and per key, the population-weighted
     * mean of each value over its predecessors with that key; a municipality none of whose predecessors has a key
     * has no entry for it.
     */
    public static <K> Map<String, Map<K, double[]>> onto(ReportScope scope, List<Earlier<K>> earlier) {
        Map<String, List<Earlier<K>>> byCode = new HashMap<>();
        earlier.forEach(e -> byCode.computeIfAbsent(e.municipality(), c -> new java.util.ArrayList<>()).add(e));
        Map<String, Map<K, double[]>> folded = new LinkedHashMap<>();
        for (Municipality later : MunicipalityDivisions.forYear(scope.year()).all()) {
            if (scope.region() != null && !scope.region().equals(later.region())
                    || scope.sizeClass() != null && scope.sizeClass() != later.sizeClass().number()) {
                continue;
            }
            Map<K, double[]> sums = new LinkedHashMap<>();     // key -> weight, weighted values
            for (Predecessors.Predecessor p : Predecessors.of(later.code(), scope.year(), scope.compareWith())
                    .predecessors()) {
                for (Earlier<K> e : byCode.getOrDefault(p.code(), List.of())) {
                    double[] sum = sums.computeIfAbsent(e.key(), k -> new double[e.values().length + 1]);
                    sum[0] += p.weight();
                    for (int i = 0; i < e.values().length; i++) {
                        sum[i + 1] += p.weight() * e.values()[i];
                    }
                }
            }
            if (sums.isEmpty()) {
                continue;
            }
            Map<K, double[]> means = new LinkedHashMap<>();
            sums.forEach((key, sum) -> {
                double[] mean = new double[sum.length - 1];
                for (int i = 0; i < mean.length; i++) {
                    mean[i] = sum[i + 1] / sum[0];
                }
                means.put(key, mean);
            });
            folded.put(later.code(), means);
        }
        return folded;
    }

    /**
     * The scope's mapping with what this report folds ({@code folded}) and what it counts under the comparison
     * year's own codes ({@code unfolded}, null when it folds everything) added to its note, when the fold applies.
     */
    public static DivisionMapping note(ReportScope scope, String folded, String unfolded) {
        DivisionMapping mapping = DivisionMapping.of(scope);
        if (mapping == null || !applies(scope)) {
            return mapping;
        }
        int earlier = scope.compareWith();
        StringBuilder note = new StringBuilder(mapping.note());
        if (folded != null) {
            note.append(". This report folds ").append(folded).append(" of ").append(earlier)
                    .append(" onto the municipalities of ").append(scope.year())
                    .append(", each its predecessors' population-weighted mean (n: the municipalities of ")
                    .append(scope.year()).append(" with such a value)");
        }
        if (unfolded != null) {
            note.append(". ").append(Character.toUpperCase(unfolded.charAt(0))).append(unfolded.substring(1))
                    .append(" of ").append(earlier).append(" are counted over its own ")
                    .append(mapping.earlierDivisionYear()).append(" municipalities (on a region or size-class "
                            + "filter, their region and size class of then), not folded: whether a merged "
                            + "municipality chose something is no mean of its predecessors' answers");
        }
        return mapping.withNote(note.toString());
    }
}
