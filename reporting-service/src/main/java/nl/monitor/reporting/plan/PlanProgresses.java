package nl.monitor.reporting.plan;

import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.domain.indicator.AreaLevel;
import nl.monitor.domain.indicator.Better;
import nl.monitor.domain.indicator.Indicator;
import nl.monitor.domain.indicator.IndicatorFigure;
import nl.monitor.domain.indicator.IndicatorSet;
import nl.monitor.domain.indicator.Indicators;
import nl.monitor.domain.indicator.Period;
import nl.monitor.domain.plan.MunicipalPlan;
import nl.monitor.domain.plan.TargetProgress;
import nl.monitor.domain.plan.TargetProgress.Status;
import nl.monitor.domain.questionnaire.Questionnaire;
import nl.monitor.reporting.indicator.StoredFigures;
import nl.monitor.reporting.repository.ReportQueries;
import nl.monitor.reporting.service.YearQuestionnaires;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Result against target (issue 28) for the card, the factsheet and the region view. A goal's results are its full
 * goal scores of the waves under the municipality's own code (live: a municipality's own figures, as the card's points;
 * a merged municipality's predecessors are not folded in — its plan starts under its own code); an indicator's its
 * yearly figures for the target's breakdown (quarters left out).
 */
@ApplicationScoped
public class PlanProgresses {

    private final PublishedPlans plans;
    private final StoredFigures figures;
    private final ReportQueries sql;
    private final YearQuestionnaires questionnaires;

    public PlanProgresses(PublishedPlans plans, StoredFigures figures, ReportQueries sql,
                          YearQuestionnaires questionnaires) {
        this.plans = plans;
        this.figures = figures;
        this.sql = sql;
        this.questionnaires = questionnaires;
    }

    /** The municipality's plan against its results of the year; {@link PlanProgress#none()} without a plan. */
    public PlanProgress of(String municipality, int year) {
        return plans.of(municipality).map(p -> progress(p, year)).orElseGet(PlanProgress::none);
    }

    /** Per municipality its overall standing in the year ({@code NO_TARGET} for those without a plan). */
    public Map<String, Status> statuses(Collection<String> municipalities, int year) {
        Map<String, PublishedPlan> found = plans.of(municipalities);
        Map<String, Status> statuses = new HashMap<>();
        for (String code : municipalities) {
            PublishedPlan plan = found.get(code);
            statuses.put(code, plan == null ? Status.NO_TARGET : progress(plan, year).status());
        }
        return statuses;
    }

    private PlanProgress progress(PublishedPlan published, int year) {
        MunicipalPlan plan = published.plan;
        Questionnaire questionnaire = questionnaires.of(year);
        List<Status> statuses = new ArrayList<>();

        Map<Integer, List<TargetProgress.Target>> goalTargets = new TreeMap<>();
        plan.goalTargets().forEach(t -> goalTargets.computeIfAbsent(t.goal(), g -> new ArrayList<>())
                .add(new TargetProgress.Target(t.year(), t.score().doubleValue())));
        Map<Integer, NavigableMap<Integer, Double>> goalScores = goalTargets.isEmpty() ? Map.of()
                : goalScores(published.municipality);
        List<PlanProgress.GoalTarget> goals = new ArrayList<>();
        goalTargets.forEach((goal, targets) -> TargetProgress.of(year, goalScores.getOrDefault(goal, new TreeMap<>()),
                targets, Better.HIGHER).ifPresent(p -> {
            statuses.add(p.status());
            String title = questionnaire.goal(goal).map(g -> g.title()).orElse(null);
            goals.add(new PlanProgress.GoalTarget(goal, title, p.targetYear(), p.target(), p.result(), p.expected(),
                    p.status()));
        }));

        IndicatorSet set = Indicators.latest();
        Map<String, List<MunicipalPlan.IndicatorTarget>> byFigure = new LinkedHashMap<>();
        plan.indicatorTargets().forEach(t -> byFigure.computeIfAbsent(t.indicator() + "|" + key(t),
                k -> new ArrayList<>()).add(t));
        List<PlanProgress.IndicatorTarget> indicators = new ArrayList<>();
        byFigure.values().forEach(targets -> {
            MunicipalPlan.IndicatorTarget first = targets.get(0);
            Optional<Indicator> indicator = set.indicator(first.indicator());
            if (indicator.isEmpty()) {
                return; // an indicator no longer defined: nothing to hold it against
            }
            NavigableMap<Integer, Double> series = figures.of(first.indicator(), key(first), AreaLevel.MUNICIPALITY,
                            List.of(published.municipality)).stream()
                    .map(f -> Map.entry(Period.parse(f.key.period()).orElseThrow(), f.value.doubleValue()))
                    .filter(e -> e.getKey().isYear())
                    .collect(Collectors.toMap(e -> e.getKey().year(), Map.Entry::getValue, (a, b) -> b, TreeMap::new));
            TargetProgress.of(year, series, targets.stream().map(t -> new TargetProgress.Target(t.year(),
                    t.value().doubleValue())).toList(), indicator.get().better()).ifPresent(p -> {
                statuses.add(p.status());
                indicators.add(new PlanProgress.IndicatorTarget(first.indicator(), indicator.get().title(),
                        first.breakdown(), indicator.get().unit(), indicator.get().better(), p.targetYear(),
                        p.target(), p.result(), p.expected(), p.status()));
            });
        });
        return new PlanProgress(published.version, TargetProgress.overall(statuses), goals, indicators,
                plan.actions());
    }

    /** Per goal the municipality's full goal score of every scored year. */
    private Map<Integer, NavigableMap<Integer, Double>> goalScores(String municipality) {
        Map<Integer, NavigableMap<Integer, Double>> scores = new HashMap<>();
        sql.query("SELECT year, goal, total FROM municipality_goal_score WHERE municipality = ?", municipality)
                .forEach(row -> scores.computeIfAbsent(row.integer("goal"), g -> new TreeMap<>())
                        .put(row.integer("year"), row.decimal("total")));
        return scores;
    }

    private static String key(MunicipalPlan.IndicatorTarget target) {
        return new IndicatorFigure(target.indicator(), "2000", AreaLevel.MUNICIPALITY, "GM0000", target.breakdown(),
                target.value()).breakdownKey();
    }
}
