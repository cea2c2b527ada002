package nl.monitor.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.domain.questionnaire.Goal;
import nl.monitor.domain.questionnaire.MeasureCategory;
import nl.monitor.domain.questionnaire.MeasureOption;
import nl.monitor.domain.questionnaire.OptionKind;
import nl.monitor.domain.questionnaire.Questionnaire;
import nl.monitor.reference.Municipality;
import nl.monitor.reporting.report.PeerMeasuresView;
import nl.monitor.reporting.report.Rounding;
import nl.monitor.reporting.report.SmallCells;
import nl.monitor.reporting.repository.ReportQueries;
import nl.monitor.reporting.repository.ReportQueries.ReadModel;
import nl.monitor.reporting.repository.ReportQueries.Row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static nl.monitor.reporting.repository.SubmissionRepository.categoryAndOption;

/**
 * How many other municipalities of a municipality's size class chose each measure in a year: the one computation
 * behind the card's advice and the questionnaire's suggestions.
 */
@ApplicationScoped
public class PeerMeasures {

    private final ReportQueries sql;
    private final YearQuestionnaires questionnaires;
    private final Releases releases;

    public PeerMeasures(ReportQueries sql, YearQuestionnaires questionnaires, Releases releases) {
        this.sql = sql;
        this.questionnaires = questionnaires;
        this.releases = releases;
    }

    /**
     * Per goal (every goal of the questionnaire, in order) the measures peers chose that year, most used first; a
     * goal's measures withheld where {@code smallCells} says so for its number of peers.
     */
    public List<PeerMeasuresView.GoalPeers> of(Municipality municipality, int year, SmallCells smallCells) {
        int sizeClass = municipality.sizeClass().number();
        // The peers' counts over the released read model for respondents and coordinators (Releases); its own
        // choices live, as it last answered.
        ReadModel model = releases.forReader(smallCells, List.of(year));
        List<Row> chosen = sql.query(model, """
                SELECT c.goal, c.chosen, %s, c.peers
                FROM (SELECT g.goal, o.chosen, count(*) AS peers
                      FROM submission_goal g, jsonb_array_elements_text(g.options) AS o (chosen)
                      WHERE g.year = ? AND g.size_class = ? AND g.municipality <> ? GROUP BY g.goal, o.chosen) c
                """.formatted(categoryAndOption("c.chosen")), year, sizeClass, municipality.code());
        Set<String> own = new HashSet<>();
        sql.query("""
                SELECT g.goal, o.chosen FROM submission_goal g, jsonb_array_elements_text(g.options) AS o (chosen)
                WHERE g.year = ? AND g.municipality = ?
                """, year, municipality.code()).forEach(r -> own.add(r.integer("goal") + "/" + r.text("chosen")));
        Map<Integer, Long> peersAnswered = new HashMap<>();
        sql.query(model, """
                SELECT g.goal, count(*) AS n
                FROM submission_goal g
                WHERE g.year = ? AND g.size_class = ? AND g.municipality <> ? GROUP BY g.goal
                """, year, sizeClass, municipality.code())
                .forEach(r -> peersAnswered.put(r.integer("goal"), r.count("n")));
        List<PeerMeasuresView.GoalPeers> goals = new ArrayList<>();
        for (Goal goal : questionnaires.of(year).goals()) {
            long answered = peersAnswered.getOrDefault(goal.number(), 0L);
            List<PeerMeasuresView.Measure> measures = new ArrayList<>();
            for (Row row : chosen) {
                if (row.integer("goal") != goal.number() || row.count("peers") == 0) {
                    continue;
                }
                Optional<MeasureCategory> category = goal.category(row.text("category"));
                Optional<MeasureOption> option = category.flatMap(c -> c.option(row.text("option")));
                if (option.isEmpty() || option.get().kind() != OptionKind.MEASURE) {
                    continue;
                }
                measures.add(new PeerMeasuresView.Measure(category.get().id(), category.get().label(),
                        option.get().id(), option.get().label(), row.count("peers"), answered,
                        Rounding.percent(row.count("peers"), answered),
                        own.contains(goal.number() + "/" + row.text("chosen"))));
            }
            measures.sort(Comparator.comparingLong(PeerMeasuresView.Measure::peers).reversed()
                    .thenComparing(PeerMeasuresView.Measure::category)
                    .thenComparing(PeerMeasuresView.Measure::option));
            boolean suppressed = smallCells.suppress(answered);
            goals.add(new PeerMeasuresView.GoalPeers(goal.number(), goal.title(), suppressed ? null : answered,
                    suppressed ? List.of() : List.copyOf(measures), suppressed));
        }
        return goals;
    }

    /** The requested year when its size class has answers, else the latest earlier year that has; empty if none. */
    public Optional<Integer> yearWithAnswers(Municipality municipality, int year) {
        List<Row> rows = sql.query("""
                SELECT max(year) AS year FROM submission_goal WHERE year <= ? AND size_class = ?
                """, year, municipality.sizeClass().number());
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0).nullableInteger("year"));
    }

    /** The whole view for the questionnaire. */
    public PeerMeasuresView view(Municipality municipality, int requestedYear, SmallCells smallCells) {
        Optional<Integer> year = yearWithAnswers(municipality, requestedYear);
        return new PeerMeasuresView(municipality.code(), municipality.sizeClass().number(),
                municipality.sizeClass().label(), requestedYear, year.orElse(null),
                year.map(y -> of(municipality, y, smallCells)).orElse(List.of()));
    }
}
