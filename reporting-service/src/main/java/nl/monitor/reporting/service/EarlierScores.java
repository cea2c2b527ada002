package nl.monitor.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.domain.scoring.Component;
import nl.monitor.reporting.report.Predecessors;
import nl.monitor.reporting.report.TrendYear;
import nl.monitor.reporting.repository.ReportQueries;
import nl.monitor.reporting.repository.ReportQueries.Row;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

import static nl.monitor.reporting.report.Rounding.percent;
import static nl.monitor.reporting.report.Rounding.points;

/**
 * A municipality's earlier years made comparable across mergers: for each earlier year, the scores of its
 * predecessors in that year's division ({@link Predecessors}) folded into one population-weighted mean, per goal and
 * in total. A municipality that merged with none is its own single predecessor, so its earlier years are its own.
 */
@ApplicationScoped
public class EarlierScores {

    private final ReportQueries sql;

    public EarlierScores(ReportQueries sql) {
        this.sql = sql;
    }

    /** A predecessor's score of an earlier year: its stored total and per goal borging / inhoud / bereik. */
    record Scored(Predecessors.Predecessor predecessor, double total, Map<Integer, double[]> goals) {

        /** Its total over the components: the stored total over all three, else the mean of its goals' parts. */
        double points(Set<Component> components) {
            if (components.size() == Component.values().length) {
                return total;
            }
            return goals.values().stream().mapToDouble(parts -> EarlierScores.sum(parts, components)).average()
                    .orElse(0);
        }
    }

    /** One earlier year of a municipality, folded from the predecessors that were scored that year. */
    public record Folded(Predecessors.Mapping mapping, List<Scored> scored) {

        public int year() {
            return mapping.earlierYear();
        }

        /** The weighted mean of the predecessors' totals over the components. */
        public double total(Set<Component> components) {
            double weights = scored.stream().mapToDouble(s -> s.predecessor().weight()).sum();
            return scored.stream().mapToDouble(s -> s.predecessor().weight() * s.points(components)).sum() / weights;
        }

        /** Per goal the weighted mean of the predecessors that answered it, over the components. */
        public Map<Integer, Double> goals(Set<Component> components) {
            Map<Integer, double[]> sums = new HashMap<>();
            for (Scored s : scored) {
                double weight = s.predecessor().weight();
                s.goals().forEach((goal, parts) -> {
                    double[] sum = sums.computeIfAbsent(goal, g -> new double[2]);
                    sum[0] += weight * EarlierScores.sum(parts, components);
                    sum[1] += weight;
                });
            }
            Map<Integer, Double> goals = new HashMap<>();
            sums.forEach((goal, sum) -> goals.put(goal, sum[0] / sum[1]));
            return goals;
        }

        /** As the card and the region view state it: the year, its division, every predecessor and its weight. */
        public TrendYear describe(Set<Component> components) {
            double weights = scored.stream().mapToDouble(s -> s.predecessor().weight()).sum();
            Map<String, Scored> byCode = new HashMap<>();
            scored.forEach(s -> byCode.put(s.predecessor().code(), s));
            List<TrendYear.Predecessor> predecessors = new ArrayList<>();
            for (Predecessors.Predecessor p : mapping.predecessors()) {
                Scored s = byCode.get(p.code());
                predecessors.add(new TrendYear.Predecessor(p.code(), p.name(), Math.round(p.weight()),
                        s == null ? null : percent(Math.round(p.weight() * 1000), Math.round(weights * 1000)),
                        p.approximate(), p.weightSource(), s != null, s == null ? null : points(s.points(components))));
            }
            return new TrendYear(year(), mapping.earlierDivisionYear(), mapping.folds(), points(total(components)),
                    predecessors);
        }
    }

    /**
     * Per municipality (of {@code year}'s division) its earlier years before {@code year} whose questionnaire
     * {@code sameQuestionnaire} accepts, newest first, each folded from its predecessors' scores; a year none of
     * them was scored in is left out.
     */
    public Map<String, List<Folded>> before(Collection<String> codes, int year, IntPredicate sameQuestionnaire) {
        Set<String> everyCode = new LinkedHashSet<>();
        codes.forEach(code -> everyCode.addAll(Predecessors.everyEarlierCode(code)));
        Map<String, Map<Integer, Map<Integer, double[]>>> scores = new HashMap<>();
        Map<String, Double> totals = new HashMap<>();
        Set<Integer> years = new TreeSet<>();
        if (!everyCode.isEmpty()) {
            List<Object> parameters = new ArrayList<>(everyCode);
            parameters.add(year);
            for (Row row : sql.query("""
                    SELECT s.municipality, s.year, s.total, g.goal, g.borging, g.inhoud, g.bereik
                    FROM municipality_score s JOIN municipality_goal_score g USING (municipality, year)
                    WHERE s.municipality IN (%s) AND s.year < ?
                    """.formatted(String.join(", ", everyCode.stream().map(c -> "?").toList())), parameters)) {
                years.add(row.integer("year"));
                totals.put(row.text("municipality") + "/" + row.integer("year"), row.decimal("total"));
                scores.computeIfAbsent(row.text("municipality"), m -> new HashMap<>())
                        .computeIfAbsent(row.integer("year"), y -> new HashMap<>())
                        .put(row.integer("goal"), new double[]{row.decimal("borging"), row.decimal("inhoud"),
                                row.decimal("bereik")});
            }
        }
        List<Integer> earlierYears = years.stream().filter(sameQuestionnaire::test)
                .sorted(java.util.Comparator.reverseOrder()).toList();
        Map<String, List<Folded>> folded = new HashMap<>();
        for (String code : codes) {
            List<Folded> earlier = new ArrayList<>();
            for (int earlierYear : earlierYears) {
                Predecessors.Mapping mapping = Predecessors.of(code, year, earlierYear);
                List<Scored> scored = mapping.predecessors().stream()
                        .filter(p -> scores.getOrDefault(p.code(), Map.of()).containsKey(earlierYear))
                        .map(p -> new Scored(p, totals.get(p.code() + "/" + earlierYear),
                                scores.get(p.code()).get(earlierYear))).toList();
                if (!scored.isEmpty()) {
                    earlier.add(new Folded(mapping, scored));
                }
            }
            folded.put(code, earlier);
        }
        return folded;
    }

    static double sum(double[] parts, Set<Component> components) {
        double sum = 0;
        for (Component component : components) {
            sum += parts[component.ordinal()];
        }
        return sum;
    }
}
