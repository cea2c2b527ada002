package nl.monitor.demo;

import nl.monitor.domain.questionnaire.ChoiceOption;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The document kinds a wave's laid-down goals name, in the shares of the 2017 report (seed 000 §4 "Alle
 * doelstellingen: borging": regiovisie 30 %, uitvoeringsplan 20 %, gemeentelijke notitie jeugdbeleid 18 %, Kadernota
 * Wmo 4 %, the rest, 28 %, "Anders"), of all the kinds named. Deterministic, not drawn: a smooth weighted round robin
 * over one wave's mentions in the order they are generated, so after any number of mentions each kind's count is
 * within one or two of its share — a wave's documents report gives the report's percentages whatever the cohort's size.
 * A goal names a kind at most once: the kind it already names waits its turn and keeps its credit.
 */
final class DocumentShares {

    /** Percent of the mentions per document kind of questionnaire v1 (the 2017 report). */
    static final Map<String, Integer> REPORT_2017 = Map.of(
            "regional-vision", 30, "implementation-plan", 20, "youth-policy-memo", 18, "wmo-framework-memo", 4,
            "other", 28);

    private final List<ChoiceOption> kinds;
    private final int[] weights;
    private final long[] credit;
    private final int total;

    /** Over the questionnaire's kinds; kinds the report has no share for get none, and all an equal one if none has. */
    DocumentShares(List<ChoiceOption> kinds) {
        this.kinds = List.copyOf(kinds);
        this.weights = new int[kinds.size()];
        int sum = 0;
        for (int i = 0; i < kinds.size(); i++) {
            weights[i] = REPORT_2017.getOrDefault(kinds.get(i).id(), 0);
            sum += weights[i];
        }
        if (sum == 0) {
            java.util.Arrays.fill(weights, 1);
            sum = kinds.size();
        }
        this.total = sum;
        this.credit = new long[kinds.size()];
    }

    /** The next kind, other than those in {@code named} (the goal's kinds so far). */
    ChoiceOption next(Collection<String> named) {
        int best = -1;
        for (int i = 0; i < kinds.size(); i++) {
            credit[i] += weights[i];
            if (weights[i] > 0 && !named.contains(kinds.get(i).id()) && (best < 0 || credit[i] > credit[best])) {
                best = i;
            }
        }
        credit[best] -= total;
        return kinds.get(best);
    }

    /** The share of each kind among {@code named}, in percent (for the tests). */
    static Map<String, Double> shares(Collection<String> named) {
        Map<String, Double> counts = new LinkedHashMap<>();
        named.forEach(kind -> counts.merge(kind, 1.0, Double::sum));
        counts.replaceAll((kind, n) -> 100 * n / named.size());
        return counts;
    }
}
