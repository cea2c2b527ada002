package nl.monitor.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.domain.questionnaire.ChoiceOption;
import nl.monitor.domain.questionnaire.ExtraQuestion;
import nl.monitor.domain.questionnaire.Goal;
import nl.monitor.domain.questionnaire.Inclusion;
import nl.monitor.domain.questionnaire.MeasureCategory;
import nl.monitor.domain.questionnaire.MeasureOption;
import nl.monitor.domain.questionnaire.Questionnaire;
import nl.monitor.domain.scoring.ScoringRules;
import nl.monitor.reporting.report.DistributionReport;
import nl.monitor.reporting.report.DocumentsReport;
import nl.monitor.reporting.report.DivisionFold;
import nl.monitor.reporting.report.DivisionParticipation;
import nl.monitor.reporting.report.ExtrasReport;
import nl.monitor.reporting.report.FoldedGoalMeans;
import nl.monitor.reporting.report.GoalScoresReport;
import nl.monitor.reporting.report.MeasuresReport;
import nl.monitor.reporting.report.ParticipationReport;
import nl.monitor.reporting.report.PolicyInclusionReport;
import nl.monitor.reporting.report.ReportScope;
import nl.monitor.reporting.report.Rounding;
import nl.monitor.reporting.report.Significance;
import nl.monitor.reporting.report.SmallCells;
import nl.monitor.reporting.report.YearlyReport;
import nl.monitor.reporting.repository.ReportQueries;
import nl.monitor.reporting.repository.ReportQueries.ReadModel;
import nl.monitor.reporting.repository.ReportQueries.Row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static nl.monitor.reporting.report.Rounding.correlation;
import static nl.monitor.reporting.report.Rounding.mean;
import static nl.monitor.reporting.report.Rounding.percent;
import static nl.monitor.reporting.repository.SubmissionRepository.categoryAndOption;

/**
 * The aggregate reports of seed 000 §3-4, each computed by one or two GROUP BY queries over the read models (the live
 * one for analysts and admins, the released one for coordinators: {@link Releases}). Goals, labels and option ids come
 * from the questionnaire the report's year speaks ({@link YearQuestionnaires}).
 */
@ApplicationScoped
public class Reports {

    private final ReportQueries sql;
    private final YearQuestionnaires questionnaires;
    private final Releases releases;
    private final DivisionParticipation divisionParticipation = DivisionParticipation.shipped();

    public Reports(ReportQueries sql, YearQuestionnaires questionnaires, Releases releases) {
        this.sql = sql;
        this.questionnaires = questionnaires;
        this.releases = releases;
    }

    /**
     * Figuur 4.1-4.10. With a comparison year of another division (2014 against 2017), that year's means are over
     * this year's municipalities, each its predecessors' population-weighted mean ({@link FoldedGoalMeans}).
     */
    public GoalScoresReport goalScores(ReportScope scope) {
        ReadModel model = releases.forReader(scope.smallCells(), scope.years());
        Questionnaire questionnaire = questionnaires.of(scope);
        List<Object> parameters = new ArrayList<>();
        List<Row> rows = sql.query(model, """
                SELECT s.year, g.goal, count(*) AS n, avg(g.total) AS total, avg(g.borging) AS borging,
                       avg(g.inhoud) AS inhoud, avg(g.bereik) AS bereik
                FROM municipality_goal_score g JOIN municipality_score s USING (municipality, year)
                WHERE %s GROUP BY s.year, g.goal
                """.formatted(scope.where("s", parameters)), parameters);
        Map<String, Row> byYearAndGoal = index(rows, r -> r.integer("year") + "/" + r.integer("goal"));
        // a comparison year of another division is folded onto this year's municipalities (stated in the mapping)
        Map<Integer, FoldedGoalMeans.Means> folded = FoldedGoalMeans.applies(scope)
                ? FoldedGoalMeans.of(scope, sql.query(model, """
                        SELECT g.municipality, g.goal, g.total, g.borging, g.inhoud, g.bereik
                        FROM municipality_goal_score g WHERE g.year = ?
                        """, scope.compareWith()).stream().map(r -> new FoldedGoalMeans.Scored(
                        r.text("municipality"), r.integer("goal"), r.decimal("total"), r.decimal("borging"),
                        r.decimal("inhoud"), r.decimal("bereik"))).toList())
                : null;
        SmallCells cells = scope.smallCells();
        List<GoalScoresReport.Goal> goals = new ArrayList<>();
        for (Goal goal : questionnaire.goals()) {
            List<GoalScoresReport.YearMeans> years = new ArrayList<>();
            for (int year : scope.years()) {
                if (folded != null && year == scope.compareWith()) {
                    FoldedGoalMeans.Means f = folded.get(goal.number());
                    long n = f == null ? 0 : f.n();
                    years.add(f == null || cells.suppress(n)
                            ? new GoalScoresReport.YearMeans(year, n, null, null, null, null, cells.suppress(n))
                            : new GoalScoresReport.YearMeans(year, n, mean(f.total()), mean(f.borging()),
                            mean(f.inhoud()), mean(f.bereik()), false));
                    continue;
                }
                Row row = byYearAndGoal.get(year + "/" + goal.number());
                long n = row == null ? 0 : row.count("n");
                years.add(row == null || cells.suppress(n)
                        ? new GoalScoresReport.YearMeans(year, n, null, null, null, null, cells.suppress(n))
                        : new GoalScoresReport.YearMeans(year, n, mean(row.decimal("total")),
                        mean(row.decimal("borging")), mean(row.decimal("inhoud")), mean(row.decimal("bereik")),
                        false));
            }
            goals.add(new GoalScoresReport.Goal(goal.number(), goal.title(), years));
        }
        return new GoalScoresReport(scope.year(), scope.compareWith(), scope.region(), scope.sizeClass(), goals,
                DivisionFold.note(scope, "the goal means", null));
    }

    /**
     * Tabel 4.1-4.10. A comparison year of another division is counted over its own municipalities (a count of
     * municipalities that took a measure does not fold onto merged ones), as the mapping's note says.
     */
    public MeasuresReport measures(ReportScope scope) {
        ReadModel model = releases.forReader(scope.smallCells(), scope.years());
        Questionnaire questionnaire = questionnaires.of(scope);
        Map<String, Long> respondents = goalRespondents(scope, model);
        List<Object> parameters = new ArrayList<>();
        List<Row> rows = sql.query(model, """
                SELECT c.year, c.goal, %s, c.n
                FROM (SELECT g.year, g.goal, o.chosen, count(*) AS n
                      FROM submission_goal g, jsonb_array_elements_text(g.options) AS o (chosen)
                      WHERE %s GROUP BY g.year, g.goal, o.chosen) c
                """.formatted(categoryAndOption("c.chosen"), scope.where("g", parameters)), parameters);
        Map<String, Row> counts = index(rows, r -> r.integer("year") + "/" + r.integer("goal") + "/"
                + r.text("category") + "/" + r.text("option"));
        List<MeasuresReport.Goal> goals = new ArrayList<>();
        for (Goal goal : questionnaire.goals()) {
            List<MeasuresReport.YearCount> goalRespondents = scope.years().stream()
                    .map(year -> new MeasuresReport.YearCount(year,
                            respondents.getOrDefault(year + "/" + goal.number(), 0L))).toList();
            List<MeasuresReport.Category> categories = new ArrayList<>();
            for (MeasureCategory category : goal.categories()) {
                List<MeasuresReport.Option> options = new ArrayList<>();
                for (MeasureOption option : category.options()) {
                    List<MeasuresReport.YearShare> years = new ArrayList<>();
                    for (int year : scope.years()) {
                        Row row = counts.get(year + "/" + goal.number() + "/" + category.id() + "/" + option.id());
                        long n = row == null ? 0 : row.count("n");
                        long of = respondents.getOrDefault(year + "/" + goal.number(), 0L);
                        SmallCells cells = scope.smallCells();
                        years.add(new MeasuresReport.YearShare(year, cells.show(of, n), of,
                                cells.show(of, percent(n, of)), cells.suppress(of)));
                    }
                    options.add(new MeasuresReport.Option(option.id(), option.label(), years));
                }
                categories.add(new MeasuresReport.Category(category.id(), category.label(), options));
            }
            goals.add(new MeasuresReport.Goal(goal.number(), goal.title(), goalRespondents, categories));
        }
        return new MeasuresReport(scope.year(), scope.compareWith(), scope.region(), scope.sizeClass(), goals,
                DivisionFold.note(scope, null, "the measures' counts, respondents and shares"));
    }

    /** Tabel 4.11. A comparison year of another division is counted over its own municipalities, as for measures. */
    public PolicyInclusionReport policyInclusion(ReportScope scope) {
        ReadModel model = releases.forReader(scope.smallCells(), scope.years());
        Questionnaire questionnaire = questionnaires.of(scope);
        List<Object> parameters = new ArrayList<>();
        List<Row> rows = sql.query(model, """
                SELECT g.year, g.goal, count(*) AS respondents,
                       count(*) FILTER (WHERE g.inclusion = '%s') AS included
                FROM submission_goal g WHERE %s GROUP BY g.year, g.goal
                """.formatted(Inclusion.INCLUDED.name(), scope.where("g", parameters)), parameters);
        Map<String, Row> byYearAndGoal = index(rows, r -> r.integer("year") + "/" + r.integer("goal"));
        List<PolicyInclusionReport.Goal> goals = new ArrayList<>();
        for (Goal goal : questionnaire.goals()) {
            List<PolicyInclusionReport.YearInclusion> years = new ArrayList<>();
            for (int year : scope.years()) {
                Row row = byYearAndGoal.get(year + "/" + goal.number());
                long included = row == null ? 0 : row.count("included");
                long of = row == null ? 0 : row.count("respondents");
                SmallCells cells = scope.smallCells();
                years.add(new PolicyInclusionReport.YearInclusion(year, cells.show(of, included), of,
                        cells.show(of, percent(included, of)), cells.suppress(of)));
            }
            goals.add(new PolicyInclusionReport.Goal(goal.number(), goal.title(), years));
        }
        return new PolicyInclusionReport(scope.year(), scope.compareWith(), scope.region(), scope.sizeClass(),
                goals, DivisionFold.note(scope, null, "the goals included in policy, respondents and shares"));
    }

    /**
     * Seed 000 §4 "Alle doelstellingen: borging": per document kind of the year's questionnaire how many laid-down
     * goals name it, as a share of all mentions and of the goals laid down ({@link DocumentsReport}). Suppressed per
     * year when fewer than k municipalities laid down a goal. A comparison year of another division is counted over
     * its own municipalities, as for measures.
     */
    public DocumentsReport documents(ReportScope scope) {
        ReadModel model = releases.forReader(scope.smallCells(), scope.years());
        Questionnaire questionnaire = questionnaires.of(scope);
        List<Object> parameters = new ArrayList<>();
        Map<String, Row> totals = index(sql.query(model, """
                SELECT g.year, count(DISTINCT g.municipality) AS respondents,
                       count(DISTINCT g.municipality) FILTER (WHERE g.laid_down) AS municipalities,
                       count(*) FILTER (WHERE g.laid_down) AS goals,
                       coalesce(sum(jsonb_array_length(g.documents)) FILTER (WHERE g.laid_down), 0) AS mentions
                FROM submission_goal g WHERE %s GROUP BY g.year
                """.formatted(scope.where("g", parameters)), parameters), r -> String.valueOf(r.integer("year")));
        List<Object> kindParameters = new ArrayList<>();
        Map<String, Row> counts = index(sql.query(model, """
                SELECT g.year, d.document, count(*) AS n
                FROM submission_goal g, jsonb_array_elements_text(g.documents) AS d (document)
                WHERE g.laid_down AND %s GROUP BY g.year, d.document
                """.formatted(scope.where("g", kindParameters)), kindParameters),
                r -> r.integer("year") + "/" + r.text("document"));
        SmallCells cells = scope.smallCells();
        List<DocumentsReport.YearTotals> years = new ArrayList<>();
        for (int year : scope.years()) {
            Row row = totals.get(String.valueOf(year));
            long municipalities = row == null ? 0 : row.count("municipalities");
            years.add(new DocumentsReport.YearTotals(year, row == null ? 0 : row.count("respondents"),
                    cells.show(municipalities, municipalities),
                    cells.show(municipalities, row == null ? 0 : row.count("goals")),
                    cells.show(municipalities, row == null ? 0 : row.count("mentions")),
                    cells.suppress(municipalities)));
        }
        List<DocumentsReport.DocumentKind> kinds = new ArrayList<>();
        for (ChoiceOption kind : questionnaire.borging().documentKinds()) {
            List<DocumentsReport.YearShare> shares = new ArrayList<>();
            for (int year : scope.years()) {
                Row total = totals.get(String.valueOf(year));
                long municipalities = total == null ? 0 : total.count("municipalities");
                long goals = total == null ? 0 : total.count("goals");
                long mentions = total == null ? 0 : total.count("mentions");
                Row row = counts.get(year + "/" + kind.id());
                long n = row == null ? 0 : row.count("n");
                shares.add(new DocumentsReport.YearShare(year, cells.show(municipalities, n),
                        cells.show(municipalities, percent(n, mentions)),
                        cells.show(municipalities, percent(n, goals)), cells.suppress(municipalities)));
            }
            kinds.add(new DocumentsReport.DocumentKind(kind.id(), kind.label(), shares));
        }
        return new DocumentsReport(scope.year(), scope.compareWith(), scope.region(), scope.sizeClass(),
                DocumentsReport.DENOMINATOR, years, kinds,
                DivisionFold.note(scope, null, "the documents' counts and shares"));
    }

    /**
     * Tabel 3.1 and Figuur 4.11, each year counted by the municipal division its wave invites (a size-class filter
     * makes no sense here and is ignored).
     */
    public ParticipationReport participation(ReportScope scope) {
        ReadModel model = releases.forReader(scope.smallCells(), scope.years());
        ReportScope allRegions = new ReportScope(scope.year(), scope.compareWith(), null, null);
        List<Object> parameters = new ArrayList<>();
        List<DivisionParticipation.Participant> participants = sql.query(model, """
                SELECT s.year, s.municipality, s.region, s.size_class, s.total
                FROM municipality_score s WHERE %s
                """.formatted(allRegions.where("s", parameters)), parameters).stream()
                .map(r -> new DivisionParticipation.Participant(r.integer("year"), r.text("municipality"),
                        r.text("region"), r.integer("size_class"), r.decimal("total"))).toList();
        return divisionParticipation.report(scope, participants);
    }

    /**
     * The distribution of totals, and the municipalities with no goal in policy. With a comparison year of another
     * division, that year's totals below and above the norms are counted over this year's municipalities, each its
     * predecessors' population-weighted mean total ({@link DivisionFold}); its no-goal-in-policy count stays over its
     * own municipalities.
     */
    public DistributionReport distribution(ReportScope scope) {
        ReadModel model = releases.forReader(scope.smallCells(), scope.years());
        ScoringRules rules = YearQuestionnaires.rules(questionnaires.of(scope));
        double redBelow = rules.bands().redBelow();
        double greenAbove = rules.bands().greenAbove();
        List<Object> parameters = new ArrayList<>(List.of(redBelow, greenAbove));
        List<Row> totals = sql.query(model, """
                SELECT s.year, count(*) AS n, count(*) FILTER (WHERE s.total < ?) AS below,
                       count(*) FILTER (WHERE s.total > ?) AS above
                FROM municipality_score s WHERE %s GROUP BY s.year
                """.formatted(scope.where("s", parameters)), parameters);
        List<Object> policyParameters = new ArrayList<>();
        List<Row> policy = sql.query(model, """
                SELECT s.year, count(*) AS respondents,
                       count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM submission_goal g
                           WHERE g.municipality = s.municipality AND g.year = s.year AND g.inclusion = '%s'))
                           AS no_goal_in_policy
                FROM municipality_submission s WHERE %s GROUP BY s.year
                """.formatted(Inclusion.INCLUDED.name(), scope.where("s", policyParameters)), policyParameters);
        Map<String, Row> totalsByYear = index(totals, r -> String.valueOf(r.integer("year")));
        long[] folded = null;     // n, below, above of the comparison year over this year's municipalities
        if (DivisionFold.applies(scope)) {
            folded = new long[3];
            for (Map<String, double[]> total : DivisionFold.onto(scope, sql.query(model,
                    "SELECT s.municipality, s.total FROM municipality_score s WHERE s.year = ?",
                    scope.compareWith()).stream().map(r -> new DivisionFold.Earlier<>(r.text("municipality"),
                    "total", r.decimal("total"))).toList()).values()) {
                double value = total.get("total")[0];
                folded[0]++;
                folded[1] += value < redBelow ? 1 : 0;
                folded[2] += value > greenAbove ? 1 : 0;
            }
        }
        Map<String, Row> policyByYear = index(policy, r -> String.valueOf(r.integer("year")));
        List<DistributionReport.YearDistribution> years = new ArrayList<>();
        for (int year : scope.years()) {
            Row t = totalsByYear.get(String.valueOf(year));
            Row p = policyByYear.get(String.valueOf(year));
            boolean fold = folded != null && year == scope.compareWith();
            long n = fold ? folded[0] : t == null ? 0 : t.count("n");
            long below = fold ? folded[1] : t == null ? 0 : t.count("below");
            long above = fold ? folded[2] : t == null ? 0 : t.count("above");
            long respondents = p == null ? 0 : p.count("respondents");
            long none = p == null ? 0 : p.count("no_goal_in_policy");
            if (scope.smallCells().suppress(n) || scope.smallCells().suppress(respondents)) {
                years.add(new DistributionReport.YearDistribution(year, n, null, null, null, null, respondents,
                        null, null, true));
            } else {
                years.add(new DistributionReport.YearDistribution(year, n, below, percent(below, n), above,
                        percent(above, n), respondents, none, percent(none, respondents), false));
            }
        }
        return new DistributionReport(scope.year(), scope.compareWith(), scope.region(), scope.sizeClass(),
                redBelow, greenAbove, years, DivisionFold.note(scope, "the totals counted below " + (int) redBelow
                        + " and above " + (int) greenAbove, "the respondents and those with no goal in policy"));
    }

    /**
     * The extra questions, Tabel 4.12 and Figuur 4.12. With a comparison year of another division, that year's grade
     * means and the correlation of the current grade with the total are over this year's municipalities, each its
     * predecessors' population-weighted mean grade and total ({@link DivisionFold}); its choices stay counted over its
     * own municipalities.
     */
    public ExtrasReport extras(ReportScope scope) {
        ReadModel model = releases.forReader(scope.smallCells(), scope.years());
        Questionnaire questionnaire = questionnaires.of(scope);
        List<Object> choiceParameters = new ArrayList<>();
        List<Row> choices = sql.query(model, """
                SELECT s.year, q.question, o.option, count(*) AS n
                FROM municipality_submission s, jsonb_each(s.extra_choices) AS q (question, options),
                     jsonb_array_elements_text(q.options) AS o (option)
                WHERE %s GROUP BY s.year, q.question, o.option
                """.formatted(scope.where("s", choiceParameters)), choiceParameters);
        // A question is a key of extra_choices only when answered (V13).
        List<Object> answeredParameters = new ArrayList<>();
        List<Row> answered = sql.query(model, """
                SELECT s.year, q.question, count(*) AS respondents
                FROM municipality_submission s, jsonb_object_keys(s.extra_choices) AS q (question)
                WHERE %s GROUP BY s.year, q.question
                """.formatted(scope.where("s", answeredParameters)), answeredParameters);
        List<Object> gradeParameters = new ArrayList<>();
        List<Row> grades = sql.query(model, """
                SELECT s.year, count(s.grade_past) AS grade_past_n, avg(s.grade_past) AS grade_past,
                       count(s.grade_current) AS grade_current_n, avg(s.grade_current) AS grade_current,
                       count(s.grade_expected) AS grade_expected_n, avg(s.grade_expected) AS grade_expected,
                       count(t.total) FILTER (WHERE s.grade_current IS NOT NULL) AS r_n,
                       corr(s.grade_current, t.total) AS r
                FROM municipality_submission s
                     LEFT JOIN municipality_score t ON t.municipality = s.municipality AND t.year = s.year
                WHERE %s GROUP BY s.year
                """.formatted(scope.where("s", gradeParameters)), gradeParameters);
        // Figuur 4.12's scatter: every municipality's pair, for callers who see everything only.
        Map<Integer, List<ExtrasReport.Point>> points = new HashMap<>();
        if (!scope.smallCells().applies()) {
            List<Object> pointParameters = new ArrayList<>();
            sql.query(model, """
                    SELECT s.year, s.grade_current AS grade, t.total
                    FROM municipality_submission s
                         JOIN municipality_score t ON t.municipality = s.municipality AND t.year = s.year
                    WHERE %s AND s.grade_current IS NOT NULL ORDER BY s.year, s.grade_current, t.total
                    """.formatted(scope.where("s", pointParameters)), pointParameters)
                    .forEach(row -> points.computeIfAbsent(row.integer("year"), y -> new ArrayList<>())
                            .add(new ExtrasReport.Point(row.integer("grade"), Rounding.points(row.decimal("total")))));
        }
        Map<String, Row> choiceCounts = index(choices, r -> r.integer("year") + "/" + r.text("question") + "/"
                + r.text("option"));
        Map<String, Row> respondents = index(answered, r -> r.integer("year") + "/" + r.text("question"));
        Map<String, Row> gradesByYear = index(grades, r -> String.valueOf(r.integer("year")));
        // A questionnaire may ask no grades (the BMC points of attention ask no extra question at all).
        ExtraQuestion gradeQuestion = questionnaire.extraQuestion(ExtraQuestion.SELF_ASSESSMENT_GRADES).orElse(null);
        Map<String, Folded> foldedGrades = gradeQuestion != null && DivisionFold.applies(scope)
                ? foldedGrades(scope, model, gradeQuestion) : null;
        SmallCells cells = scope.smallCells();
        List<ExtrasReport.YearExtras> years = new ArrayList<>();
        for (int year : scope.years()) {
            List<ExtrasReport.Question> questions = new ArrayList<>();
            for (ExtraQuestion question : questionnaire.extraQuestions()) {
                if (question == gradeQuestion) {
                    continue;
                }
                Row answeredRow = respondents.get(year + "/" + question.id());
                long of = answeredRow == null ? 0 : answeredRow.count("respondents");
                List<ExtrasReport.Choice> options = new ArrayList<>();
                for (ChoiceOption option : question.options()) {
                    Row row = choiceCounts.get(year + "/" + question.id() + "/" + option.id());
                    long n = row == null ? 0 : row.count("n");
                    options.add(new ExtrasReport.Choice(option.id(), option.label(), cells.show(of, n),
                            cells.show(of, percent(n, of))));
                }
                questions.add(new ExtrasReport.Question(question.id(), question.number(), question.text(), of,
                        options, cells.suppress(of)));
            }
            Row g = gradesByYear.get(String.valueOf(year));
            boolean fold = foldedGrades != null && year == scope.compareWith();
            List<ExtrasReport.Grade> gradeMeans = new ArrayList<>();
            for (ChoiceOption grade : gradeQuestion == null ? List.<ChoiceOption>of() : gradeQuestion.options()) {
                Folded f = fold ? foldedGrades.getOrDefault(grade.id(), Folded.NONE) : null;
                long n = fold ? f.n() : g == null ? 0 : g.count("grade_" + grade.id() + "_n");
                Double value = fold ? f.value() : g == null ? null : g.decimal("grade_" + grade.id());
                gradeMeans.add(new ExtrasReport.Grade(grade.id(), grade.label(), n,
                        value == null ? null : cells.show(n, mean(value)), cells.suppress(n)));
            }
            Folded foldedR = fold ? foldedGrades.getOrDefault(R, Folded.NONE) : null;
            long rN = fold ? foldedR.n() : g == null ? 0 : g.count("r_n");
            Double exactR = fold ? foldedR.value() : g == null ? null : g.decimal("r");
            ExtrasReport.Correlation r = new ExtrasReport.Correlation(rN, cells.show(rN, correlation(exactR)),
                    cells.show(rN, Rounding.pValue(Significance.pearsonP(exactR, rN))), cells.suppress(rN),
                    cells.applies() ? null : List.copyOf(points.getOrDefault(year, List.of())));
            years.add(new ExtrasReport.YearExtras(year, questions, gradeMeans, r));
        }
        return new ExtrasReport(scope.year(), scope.compareWith(), scope.region(), scope.sizeClass(), years,
                DivisionFold.note(scope, gradeQuestion == null ? null : "the grade means and the correlation of the "
                        + "current grade with the total", "the extra questions' choices and respondents"));
    }

    /** A folded mean (or correlation) over n municipalities of the report year; null when there is none. */
    private record Folded(long n, Double value) {
        static final Folded NONE = new Folded(0, null);
    }

    private static final String R = "r";

    /**
     * Per grade id (and {@link #R}) the comparison year's grade means (correlation of the current grade with the
     * total) over this year's municipalities in the scope, each its predecessors' population-weighted mean.
     */
    private Map<String, Folded> foldedGrades(ReportScope scope, ReadModel model, ExtraQuestion gradeQuestion) {
        List<DivisionFold.Earlier<String>> earlier = new ArrayList<>();
        for (Row row : sql.query(model, """
                SELECT s.municipality, s.grade_past, s.grade_current, s.grade_expected, t.total
                FROM municipality_submission s
                     LEFT JOIN municipality_score t ON t.municipality = s.municipality AND t.year = s.year
                WHERE s.year = ?
                """, scope.compareWith())) {
            for (ChoiceOption grade : gradeQuestion.options()) {
                Double value = row.decimal("grade_" + grade.id());
                if (value != null) {
                    earlier.add(new DivisionFold.Earlier<>(row.text("municipality"), grade.id(), value));
                }
            }
            if (row.decimal("grade_current") != null && row.decimal("total") != null) {
                earlier.add(new DivisionFold.Earlier<>(row.text("municipality"), R, row.decimal("grade_current"),
                        row.decimal("total")));
            }
        }
        Map<String, List<double[]>> values = new HashMap<>();
        DivisionFold.onto(scope, earlier).values().forEach(keys -> keys.forEach((key, v) ->
                values.computeIfAbsent(key, k -> new ArrayList<>()).add(v)));
        Map<String, Folded> folded = new HashMap<>();
        values.forEach((key, v) -> folded.put(key, new Folded(v.size(), key.equals(R) ? pearson(v)
                : v.stream().mapToDouble(x -> x[0]).average().orElseThrow())));
        return folded;
    }

    /** Pearson's r of pairs, null as PostgreSQL's corr: fewer than two, or no spread. */
    static Double pearson(List<double[]> pairs) {
        if (pairs.size() < 2) {
            return null;
        }
        double mx = pairs.stream().mapToDouble(p -> p[0]).average().orElseThrow();
        double my = pairs.stream().mapToDouble(p -> p[1]).average().orElseThrow();
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (double[] p : pairs) {
            sxy += (p[0] - mx) * (p[1] - my);
            sxx += (p[0] - mx) * (p[0] - mx);
            syy += (p[1] - my) * (p[1] - my);
        }
        return sxx == 0 || syy == 0 ? null : sxy / Math.sqrt(sxx * syy);
    }

    /** The yearly report: every report above over the same scope, as the JSON endpoints give them. */
    public YearlyReport yearly(ReportScope scope) {
        Questionnaire questionnaire = questionnaires.of(scope);
        return new YearlyReport(scope.year(), scope.compareWith(), scope.region(), questionnaire.version(),
                YearQuestionnaires.rules(questionnaire).version(), participation(scope), goalScores(scope),
                measures(scope), policyInclusion(scope), documents(scope), distribution(scope), extras(scope));
    }

    /** Per year and goal ("year/goal"), how many municipalities answered the goal. */
    private Map<String, Long> goalRespondents(ReportScope scope, ReadModel model) {
        List<Object> parameters = new ArrayList<>();
        List<Row> rows = sql.query(model, """
                SELECT g.year, g.goal, count(*) AS n
                FROM submission_goal g WHERE %s GROUP BY g.year, g.goal
                """.formatted(scope.where("g", parameters)), parameters);
        Map<String, Long> respondents = new HashMap<>();
        rows.forEach(r -> respondents.put(r.integer("year") + "/" + r.integer("goal"), r.count("n")));
        return respondents;
    }

    static Map<String, Row> index(List<Row> rows, java.util.function.Function<Row, String> key) {
        Map<String, Row> index = new HashMap<>();
        rows.forEach(r -> index.put(key.apply(r), r));
        return index;
    }
}
