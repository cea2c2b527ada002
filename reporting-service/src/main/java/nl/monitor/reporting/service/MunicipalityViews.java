package nl.monitor.reporting.service;

import nl.monitor.domain.plan.TargetProgress;
import nl.monitor.reporting.plan.PlanProgresses;

import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.domain.questionnaire.Goal;
import nl.monitor.domain.questionnaire.Questionnaire;
import nl.monitor.domain.scoring.Band;
import nl.monitor.domain.scoring.Component;
import nl.monitor.domain.scoring.ScoringRules;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivisions;
import nl.monitor.reporting.config.ReportConfig;
import nl.monitor.reporting.report.MunicipalityCard;
import nl.monitor.reporting.report.PeerMeasuresView;
import nl.monitor.reporting.report.RegionView;
import nl.monitor.reporting.report.SmallCells;
import nl.monitor.reporting.report.TrendYear;
import nl.monitor.reporting.repository.ReportQueries;
import nl.monitor.reporting.repository.ReportQueries.Row;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static nl.monitor.reporting.report.Rounding.mean;
import static nl.monitor.reporting.report.Rounding.percentOf;
import static nl.monitor.reporting.report.Rounding.points;

/** The views of single municipalities: the municipality card and the region view. */
@ApplicationScoped
public class MunicipalityViews {

    private final ReportQueries sql;
    private final ReportConfig config;
    private final PeerMeasures peerMeasures;
    private final YearQuestionnaires questionnaires;
    private final EarlierScores earlierScores;
    private final Releases releases;
    private final PlanProgresses plans;

    public MunicipalityViews(ReportQueries sql, ReportConfig config, PeerMeasures peerMeasures,
                             YearQuestionnaires questionnaires, EarlierScores earlierScores, Releases releases,
                             PlanProgresses plans) {
        this.plans = plans;
        this.sql = sql;
        this.config = config;
        this.peerMeasures = peerMeasures;
        this.questionnaires = questionnaires;
        this.earlierScores = earlierScores;
        this.releases = releases;
    }

    /**
     * The card of a municipality for a year over the chosen components, its size-class and region means withheld
     * where {@code smallCells} says so; empty when it has no score that year.
     */
    public Optional<MunicipalityCard> card(Municipality municipality, int year, Set<Component> components,
                                           SmallCells smallCells) {
        List<Row> own = sql.query("""
                SELECT s.year, s.total, s.band, s.goals_answered, g.goal, g.borging, g.inhoud, g.bereik, g.band AS goal_band
                FROM municipality_score s JOIN municipality_goal_score g USING (municipality, year)
                WHERE s.municipality = ? AND s.year = ?
                """, municipality.code(), year);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        Questionnaire questionnaire = questionnaires.of(year);
        ScoringRules rules = YearQuestionnaires.rules(questionnaire);
        // The change is against its latest earlier year of the same questionnaire (goal 3 of another is not goal 3),
        // a merged municipality's earlier years folded from its predecessors by population weight.
        List<EarlierScores.Folded> earlier = earlierScores.before(List.of(municipality.code()), year,
                y -> questionnaires.of(y).version() == questionnaire.version()).get(municipality.code());
        EarlierScores.Folded previous = earlier.isEmpty() ? null : earlier.get(0);
        Integer previousYear = previous == null ? null : previous.year();
        Map<Integer, Row> current = goalsOf(own, year);
        Map<Integer, Double> previousGoals = previous == null ? Map.of() : previous.goals(components);
        Map<Component, Map<Integer, Double>> previousComponents = new EnumMap<>(Component.class);
        for (Component component : Component.values()) {
            previousComponents.put(component, previous == null ? Map.of() : previous.goals(EnumSet.of(component)));
        }
        // The means are over the whole group; whether one is shown counts only the others (k others): a mean over
        // the card's municipality and fewer than k others would give a viewer who knows its own points the others'.
        // Over the released read model for respondents and coordinators (no differencing by polling: Releases).
        String code = municipality.code();
        Map<Integer, Row> means = index(sql.query(releases.forReader(smallCells, List.of(year)), """
                SELECT g.goal,
                       count(*) FILTER (WHERE s.size_class = ? AND s.municipality <> ?) AS size_class_others,
                       count(*) FILTER (WHERE s.region = ? AND s.municipality <> ?) AS region_others,
                       count(*) FILTER (WHERE s.municipality <> ?) AS country_others,
                       avg(g.borging) FILTER (WHERE s.size_class = ?) AS size_class_borging,
                       avg(g.inhoud) FILTER (WHERE s.size_class = ?) AS size_class_inhoud,
                       avg(g.bereik) FILTER (WHERE s.size_class = ?) AS size_class_bereik,
                       avg(g.borging) FILTER (WHERE s.region = ?) AS region_borging,
                       avg(g.inhoud) FILTER (WHERE s.region = ?) AS region_inhoud,
                       avg(g.bereik) FILTER (WHERE s.region = ?) AS region_bereik,
                       avg(g.borging) AS country_borging, avg(g.inhoud) AS country_inhoud,
                       avg(g.bereik) AS country_bereik
                FROM municipality_goal_score g JOIN municipality_score s USING (municipality, year)
                WHERE s.year = ? GROUP BY g.goal
                """, sizeClass(municipality), code, municipality.region(), code, code, sizeClass(municipality),
                sizeClass(municipality), sizeClass(municipality), municipality.region(), municipality.region(),
                municipality.region(), year));

        double maximum = rules.maximum(components);
        List<MunicipalityCard.Goal> goals = new ArrayList<>();
        for (Goal goal : questionnaire.goals()) {
            Row row = current.get(goal.number());
            Double points = row == null ? null : pointsOf(row, "", components);
            Double previousPoints = previousGoals.get(goal.number());
            Row mean = means.get(goal.number());
            // No row (nothing released, or no one answered the goal) counts as no others.
            boolean sizeClassSuppressed = smallCells.suppressOthers(mean == null ? 0 : mean.count("size_class_others"));
            boolean regionSuppressed = smallCells.suppressOthers(mean == null ? 0 : mean.count("region_others"));
            boolean countrySuppressed = smallCells.suppressOthers(mean == null ? 0 : mean.count("country_others"));
            goals.add(new MunicipalityCard.Goal(goal.number(), goal.title(), row != null,
                    row == null ? null : row.decimal("borging"), row == null ? null : row.decimal("inhoud"),
                    row == null ? null : row.decimal("bereik"),
                    row == null ? null : Band.valueOf(row.text("goal_band")),
                    points(points), points == null ? null : percentOf(points, maximum), points(previousPoints),
                    points == null || previousPoints == null ? null : points(points - previousPoints),
                    mean == null || sizeClassSuppressed ? null : mean(pointsOf(mean, "size_class_", components)),
                    mean == null || regionSuppressed ? null : mean(pointsOf(mean, "region_", components)),
                    mean == null || countrySuppressed ? null : mean(pointsOf(mean, "country_", components)),
                    sizeClassSuppressed, regionSuppressed, countrySuppressed,
                    previousGoals.containsKey(goal.number()) ? new MunicipalityCard.Parts(
                            points(previousComponents.get(Component.BORGING).get(goal.number())),
                            points(previousComponents.get(Component.INHOUD).get(goal.number())),
                            points(previousComponents.get(Component.BEREIK).get(goal.number()))) : null,
                    mean == null || sizeClassSuppressed ? null : parts(mean, "size_class_"),
                    mean == null || regionSuppressed ? null : parts(mean, "region_"),
                    mean == null || countrySuppressed ? null : parts(mean, "country_")));
        }
        double totalPoints = current.values().stream().mapToDouble(r -> pointsOf(r, "", components)).average()
                .orElse(0);
        Double previousTotal = previous == null ? null : previous.total(components);
        Row first = own.get(0);
        MunicipalityCard.Summary total = new MunicipalityCard.Summary(points(totalPoints),
                percentOf(totalPoints, maximum), Band.valueOf(first.text("band")), first.integer("goals_answered"),
                points(previousTotal), previousTotal == null ? null : points(totalPoints - previousTotal));

        return Optional.of(new MunicipalityCard(municipality.code(), municipality.name(), municipality.region(),
                sizeClass(municipality), municipality.sizeClass().label(), year, previousYear,
                components.stream().sorted().map(c -> c.name().toLowerCase()).toList(), maximum, total, goals,
                advice(municipality, year, goals, smallCells),
                earlier.stream().map(f -> f.describe(components))
                        .sorted(Comparator.comparingInt(TrendYear::year)).toList(),
                plans.of(municipality.code(), year)));
    }

    /**
     * The weakest answered goals (lowest points, then goal number), and per goal the measures (not "Anders", not
     * "geen onderdeel van beleid") chosen by the most other municipalities of its size class that year and not by it.
     */
    private List<MunicipalityCard.Advice> advice(Municipality municipality, int year,
                                                 List<MunicipalityCard.Goal> goals, SmallCells smallCells) {
        List<MunicipalityCard.Goal> weakest = goals.stream().filter(MunicipalityCard.Goal::answered)
                .sorted(Comparator.comparingDouble(MunicipalityCard.Goal::points)
                        .thenComparingInt(MunicipalityCard.Goal::goal))
                .limit(config.adviceGoals()).toList();
        if (weakest.isEmpty()) {
            return List.of();
        }
        List<PeerMeasuresView.GoalPeers> peers = peerMeasures.of(municipality, year, smallCells);
        List<MunicipalityCard.Advice> advice = new ArrayList<>();
        for (MunicipalityCard.Goal weak : weakest) {
            List<MunicipalityCard.PeerMeasure> measures = peers.stream().filter(g -> g.goal() == weak.goal())
                    .flatMap(g -> g.measures().stream()).filter(m -> !m.own())
                    .limit(config.adviceMeasures()).map(PeerMeasuresView.Measure::asCardMeasure).toList();
            boolean suppressed = peers.stream().anyMatch(g -> g.goal() == weak.goal() && g.suppressed());
            advice.add(new MunicipalityCard.Advice(weak.goal(), weak.title(), weak.points(), measures, suppressed));
        }
        return advice;
    }

    /**
     * Every municipality of the region in the year's division (2014: the 2013 division's) with its total, band, goals answered and trend for the year; the trend is
     * against its latest earlier scored year, a merged municipality's folded from its predecessors by population
     * weight (listed).
     */
    public RegionView region(String region, int year, SmallCells smallCells) {
        // the region as it was that year: the municipalities of the year's division that lay in it
        List<Municipality> members = MunicipalityDivisions.forYear(year).inRegion(region);
        List<String> codes = members.stream().map(Municipality::code).toList();
        Map<String, Row> scores = new HashMap<>();
        if (!codes.isEmpty()) {
            List<Object> parameters = new ArrayList<>(codes);
            parameters.add(year);
            sql.query("""
                    SELECT municipality, total, band, goals_answered FROM municipality_score
                    WHERE municipality IN (%s) AND year = ?
                    """.formatted(String.join(", ", codes.stream().map(c -> "?").toList())), parameters)
                    .forEach(row -> scores.put(row.text("municipality"), row));
        }
        Map<String, List<EarlierScores.Folded>> earlier = earlierScores.before(codes, year, y -> true);
        Set<Component> all = EnumSet.allOf(Component.class);
        Map<String, TargetProgress.Status> targetStatuses = plans.statuses(codes, year);
        List<RegionView.Row> rows = new ArrayList<>();
        for (Municipality municipality : members) {
            Row now = scores.get(municipality.code());
            List<EarlierScores.Folded> before = earlier.getOrDefault(municipality.code(), List.of());
            TrendYear previous = before.isEmpty() ? null : before.get(0).describe(all);
            Double total = now == null ? null : now.decimal("total");
            Double previousTotal = before.isEmpty() ? null : before.get(0).total(all);
            Double change = total == null || previousTotal == null ? null : points(total - previousTotal);
            RegionView.Trend trend = now == null ? RegionView.Trend.NONE
                    : previous == null ? RegionView.Trend.NEW
                    : change > 0 ? RegionView.Trend.UP : change < 0 ? RegionView.Trend.DOWN : RegionView.Trend.SAME;
            boolean merged = previous != null && previous.merged();
            rows.add(new RegionView.Row(municipality.code(), municipality.name(), sizeClass(municipality),
                    now != null, points(total), now == null ? null : Band.valueOf(now.text("band")),
                    now == null ? null : now.integer("goals_answered"),
                    previous == null ? null : previous.year(), points(previousTotal), change, trend, merged,
                    merged ? previous.predecessors() : List.of(), targetStatuses.get(municipality.code())));
        }
        return new RegionView(region, year, rows, comparison(region, year, smallCells));
    }

    /**
     * The region's and the nation's mean total and per goal mean points, over the released read model for callers
     * under suppression (no differencing by polling); the nation's withheld when fewer than k municipalities outside
     * the region make it up.
     */
    private RegionView.Comparison comparison(String region, int year, SmallCells smallCells) {
        ReportQueries.ReadModel model = releases.forReader(smallCells, List.of(year));
        List<Row> totals = sql.query(model, """
                SELECT count(*) FILTER (WHERE region = ?) AS region_n,
                       avg(total) FILTER (WHERE region = ?) AS region_mean,
                       count(*) AS nation_n, avg(total) AS nation_mean
                FROM municipality_score WHERE year = ?
                """, region, region, year);
        Map<Integer, Row> goals = index(sql.query(model, """
                SELECT g.goal, count(*) FILTER (WHERE s.region = ?) AS region_n,
                       avg(g.borging + g.inhoud + g.bereik) FILTER (WHERE s.region = ?) AS region_mean,
                       count(*) AS nation_n, avg(g.borging + g.inhoud + g.bereik) AS nation_mean
                FROM municipality_goal_score g JOIN municipality_score s USING (municipality, year)
                WHERE s.year = ? GROUP BY g.goal
                """, region, region, year));
        List<RegionView.GoalLine> lines = new ArrayList<>();
        for (Goal goal : questionnaires.of(year).goals()) {
            lines.add(new RegionView.GoalLine(goal.number(), goal.title(), line(goals.get(goal.number()), smallCells)));
        }
        return new RegionView.Comparison(line(totals.isEmpty() ? null : totals.get(0), smallCells), lines);
    }

    private static RegionView.Line line(Row row, SmallCells smallCells) {
        long regionN = row == null ? 0 : row.count("region_n");
        long nationN = row == null ? 0 : row.count("nation_n");
        boolean regionSuppressed = smallCells.suppress(regionN);
        // The caller knows the region's municipalities: the nation's mean counts only those outside it towards k.
        boolean nationSuppressed = nationN > 0 && smallCells.suppressOthers(nationN - regionN);
        return new RegionView.Line(regionN, regionSuppressed || row == null ? null : mean(row.decimal("region_mean")),
                regionSuppressed, nationSuppressed ? null : nationN,
                nationSuppressed || row == null ? null : mean(row.decimal("nation_mean")), nationSuppressed);
    }

    private static int sizeClass(Municipality municipality) {
        return municipality.sizeClass().number();
    }

    private static Map<Integer, Row> goalsOf(List<Row> rows, int year) {
        Map<Integer, Row> goals = new HashMap<>();
        rows.stream().filter(r -> r.integer("year") == year).forEach(r -> goals.put(r.integer("goal"), r));
        return goals;
    }

    private static Map<Integer, Row> index(List<Row> rows) {
        Map<Integer, Row> index = new HashMap<>();
        rows.forEach(r -> index.put(r.integer("goal"), r));
        return index;
    }

    /** A group's mean points per component (one decimal), from the columns {@code <prefix>borging} etc. */
    private static MunicipalityCard.Parts parts(Row row, String prefix) {
        return new MunicipalityCard.Parts(mean(row.decimal(prefix + "borging")), mean(row.decimal(prefix + "inhoud")),
                mean(row.decimal(prefix + "bereik")));
    }

    /** The points of the chosen components; null when a component mean is missing. */
    private static Double pointsOf(Row row, String prefix, Set<Component> components) {
        double sum = 0;
        for (Component component : components) {
            Double value = row.decimal(prefix + component.name().toLowerCase());
            if (value == null) {
                return null;
            }
            sum += value;
        }
        return sum;
    }
}
