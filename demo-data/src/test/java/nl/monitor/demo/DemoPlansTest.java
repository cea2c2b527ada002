package nl.monitor.demo;

import nl.monitor.domain.assessment.Assessment;
import nl.monitor.domain.indicator.Better;
import nl.monitor.domain.indicator.Indicators;
import nl.monitor.domain.plan.MunicipalPlan;
import nl.monitor.domain.plan.PlanValidator;
import nl.monitor.domain.plan.TargetProgress;
import nl.monitor.domain.plan.TargetProgress.Status;
import nl.monitor.domain.questionnaire.Questionnaires;
import nl.monitor.domain.scoring.GoalScore;
import nl.monitor.domain.scoring.Scorer;
import nl.monitor.reference.MunicipalityDivision;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

import static nl.monitor.domain.plan.TargetProgress.Status.BEHIND;
import static nl.monitor.domain.plan.TargetProgress.Status.MET;
import static nl.monitor.domain.plan.TargetProgress.Status.MISSED;
import static nl.monitor.domain.plan.TargetProgress.Status.NO_RESULT;
import static nl.monitor.domain.plan.TargetProgress.Status.ON_TRACK;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the synthetic plans show in the local run, computed from the demo data as the reporting-service computes it
 * (domain-core {@link TargetProgress} over a municipality's own goal scores of the demo waves, scored by the rules, and
 * its yearly figures of the synthetic indicator table): the card and the region view of 2017 show met, missed, on
 * track and behind on goal targets; those of 2023 and 2024 on track, behind, met and missed on indicator targets.
 */
class DemoPlansTest {

    /** Per plan (in {@link DemoPlans#all()}'s order) the status of each target in 2017: goal targets, then indicators. */
    private static final Map<String, List<Status>> EXPECTED_2017 = new LinkedHashMap<>();
    /** Per plan the status of each indicator target in 2023 (before its year: on the path from 2021 or not). */
    private static final Map<String, List<Status>> EXPECTED_INDICATORS_2023 = new LinkedHashMap<>();
    /** ... and in 2024, its year. */
    private static final Map<String, List<Status>> EXPECTED_INDICATORS_2024 = new LinkedHashMap<>();

    static {
        // Groningen has no demo score, and no figure in 2017; Stadskanaal's goal 1 met (70 >= 65); Oldambt's goal 10
        // missed (25 < 40); Veendam took no part in 2017; Tynaarlo's goal 1 on track (83.75 >= 45 on the path from 0
        // in 2014 to 90 in 2020); Noordenveld's goal 3 behind (50 < 65 on the path from 50 to 80)
        EXPECTED_2017.put("GM0014", List.of(NO_RESULT, NO_RESULT));
        EXPECTED_2017.put("GM0037", List.of(MET, NO_RESULT));
        EXPECTED_2017.put("GM1895", List.of(MISSED));
        EXPECTED_2017.put("GM0047", List.of(NO_RESULT, NO_RESULT));
        EXPECTED_2017.put("GM1730", List.of(ON_TRACK));
        EXPECTED_2017.put("GM1699", List.of(BEHIND, NO_RESULT));
        // families in poverty, lower is better, on the path from 2021's figure to the 2024 target
        EXPECTED_INDICATORS_2023.put("GM0014", List.of(BEHIND));   // 9.3 > 5.13
        EXPECTED_INDICATORS_2023.put("GM0037", List.of(ON_TRACK)); // 7.5 <= 8.83
        EXPECTED_INDICATORS_2023.put("GM1895", List.of());
        EXPECTED_INDICATORS_2023.put("GM0047", List.of(BEHIND));   // 11.0 > 8.63
        EXPECTED_INDICATORS_2023.put("GM1730", List.of());
        EXPECTED_INDICATORS_2023.put("GM1699", List.of(BEHIND));   // 7.8 > 5.87
        EXPECTED_INDICATORS_2024.put("GM0014", List.of(MISSED));   // 8.0 > 5.0
        EXPECTED_INDICATORS_2024.put("GM0037", List.of(MISSED));   // 9.5 > 8.0
        EXPECTED_INDICATORS_2024.put("GM1895", List.of());
        EXPECTED_INDICATORS_2024.put("GM0047", List.of(MET));      // 8.2 <= 8.5
        EXPECTED_INDICATORS_2024.put("GM1730", List.of());
        EXPECTED_INDICATORS_2024.put("GM1699", List.of(MET));      // 4.4 <= 5.0
    }

    /** Per goal, year to the municipality's own goal score, as the reporting-service keeps them. */
    private static final Map<String, Map<Integer, NavigableMap<Integer, Double>>> GOAL_SCORES = goalScores();
    /** Indicator, municipality to year to figure (the totals), from the synthetic table. */
    private static final Map<String, Map<String, NavigableMap<Integer, Double>>> FIGURES = municipalFigures();

    private static Map<String, Map<Integer, NavigableMap<Integer, Double>>> goalScores() {
        Map<String, Map<Integer, NavigableMap<Integer, Double>>> scores = new HashMap<>();
        Scorer scorer = Scorer.latest();
        for (int year : DemoCohorts.YEARS) {
            for (Assessment assessment : DemoCohorts.standard().wave(year)) {
                for (GoalScore goal : scorer.score(assessment).goals()) {
                    scores.computeIfAbsent(assessment.municipality(), m -> new HashMap<>())
                            .computeIfAbsent(goal.goal(), g -> new TreeMap<>()).put(year, goal.total());
                }
            }
        }
        return scores;
    }

    private static Map<String, Map<String, NavigableMap<Integer, Double>>> municipalFigures() {
        Map<String, Map<String, NavigableMap<Integer, Double>>> figures = new HashMap<>();
        String csv = DemoIndicators.csv();
        for (String line : csv.substring(1).lines().skip(1).toList()) {
            String[] cells = line.split(";", -1);
            if (cells[2].equals("gemeente") && cells[4].isEmpty()) {
                figures.computeIfAbsent(cells[0], i -> new HashMap<>()).computeIfAbsent(cells[3], m -> new TreeMap<>())
                        .put(Integer.parseInt(cells[1]), Double.parseDouble(cells[5].replace(',', '.')));
            }
        }
        return figures;
    }

    /** Every target of the plan against the year's result, goals first, in the plan's order; and the overall standing. */
    private static List<Status> statuses(DemoPlans.DemoPlan demo, int year) {
        MunicipalPlan plan = demo.plan();
        List<Status> statuses = new ArrayList<>();
        Map<Integer, List<TargetProgress.Target>> goalTargets = new LinkedHashMap<>();
        plan.goalTargets().forEach(t -> goalTargets.computeIfAbsent(t.goal(), g -> new ArrayList<>())
                .add(new TargetProgress.Target(t.year(), t.score().doubleValue())));
        goalTargets.forEach((goal, targets) -> statuses.add(TargetProgress.of(year, GOAL_SCORES
                .getOrDefault(demo.municipality(), Map.of()).getOrDefault(goal, new TreeMap<>()), targets,
                Better.HIGHER).orElseThrow().status()));
        for (MunicipalPlan.IndicatorTarget target : plan.indicatorTargets()) {
            assertThat(target.breakdown()).as("the demo's municipal figures are totals").isEmpty();
            Better better = Indicators.latest().indicator(target.indicator()).orElseThrow().better();
            statuses.add(TargetProgress.of(year, FIGURES.getOrDefault(target.indicator(), Map.of())
                            .getOrDefault(demo.municipality(), new TreeMap<>()),
                    List.of(new TargetProgress.Target(target.year(), target.value().doubleValue())), better)
                    .orElseThrow().status());
        }
        return statuses;
    }

    private static DemoPlans.DemoPlan plan(String code) {
        return DemoPlans.all().stream().filter(p -> p.municipality().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void every_plan_is_valid_lies_in_a_demo_region_of_the_current_division_and_says_it_is_synthetic() {
        PlanValidator validator = new PlanValidator(year -> Questionnaires.version(1), Indicators.latest());
        for (DemoPlans.DemoPlan demo : DemoPlans.all()) {
            assertThat(validator.validate(demo.plan())).as(demo.municipality()).isEmpty();
            assertThat(MunicipalityDivision.shipped().municipality(demo.municipality())).as(demo.municipality())
                    .hasValueSatisfying(m -> assertThat(m.region()).isIn("Groningen", "Drenthe", "Fryslân"));
            assertThat(demo.plan().actions()).isNotEmpty()
                    .anySatisfy(a -> assertThat(a.text()).contains("synthetisch"));
        }
        assertThat(DemoPlans.all()).extracting(DemoPlans.DemoPlan::municipality).doesNotHaveDuplicates();
    }

    @Test
    void the_2017_views_show_met_missed_on_track_and_behind_from_the_demo_scores() {
        Map<String, List<Status>> expected = EXPECTED_2017;
        Map<String, List<Status>> actual = new LinkedHashMap<>();
        for (DemoPlans.DemoPlan demo : DemoPlans.all()) {
            actual.put(demo.municipality(), statuses(demo, 2017));
        }
        assertThat(actual).isEqualTo(expected);
        List<Status> overall = actual.values().stream().map(TargetProgress::overall).toList();
        // the region view's words: a met target counts as on track there, a missed one or one behind wins
        assertThat(overall).contains(MISSED, BEHIND, ON_TRACK, NO_RESULT);
        assertThat(actual.values().stream().flatMap(List::stream)).contains(MET, MISSED, ON_TRACK, BEHIND);
    }

    @Test
    void the_indicator_targets_are_on_track_or_behind_in_2023_and_met_or_missed_in_2024() {
        for (int year : List.of(2023, 2024)) {
            Map<String, List<Status>> actual = new LinkedHashMap<>();
            for (DemoPlans.DemoPlan demo : DemoPlans.all()) {
                List<Status> all = statuses(demo, year);
                actual.put(demo.municipality(), all.subList(all.size() - demo.plan().indicatorTargets().size(),
                        all.size()));
            }
            assertThat(actual).as(String.valueOf(year)).isEqualTo(year == 2023 ? EXPECTED_INDICATORS_2023
                    : EXPECTED_INDICATORS_2024);
        }
    }

    @Test
    void groningens_goal_1_target_has_no_result_until_the_curl_demo_misses_it_and_then_meets_it() throws Exception {
        DemoPlans.DemoPlan groningen = plan(DemoCohorts.DEMO_MUNICIPALITY);
        assertThat(GOAL_SCORES).doesNotContainKey(DemoCohorts.DEMO_MUNICIPALITY);
        assertThat(groningen.plan().goalTargets()).extracting(MunicipalPlan.GoalTarget::goal, MunicipalPlan.GoalTarget::year)
                .contains(org.assertj.core.groups.Tuple.tuple(1, 2017));
        assertThat(statuses(groningen, 2017).get(0)).isEqualTo(NO_RESULT);
        // The banner's curl lines submit GM0014 for 2017: the failing assessment misses the target, the improved one
        // meets it (the card's "Eigen doelen" of 2017 turns from no result to missed to met).
        List<TargetProgress.Target> targets = List.of(new TargetProgress.Target(2017,
                groningen.plan().goalTargets().get(0).score().doubleValue()));
        Map<String, Status> expected = Map.of("failing-assessment.json", MISSED, "improved-assessment.json", MET);
        for (Map.Entry<String, Status> demo : expected.entrySet()) {
            Assessment submitted = readAssessment(demo.getKey());
            assertThat(submitted.municipality()).isEqualTo(DemoCohorts.DEMO_MUNICIPALITY);
            assertThat(submitted.year()).isEqualTo(2017);
            double goal1 = Scorer.latest().score(submitted).goal(1).orElseThrow().total();
            assertThat(TargetProgress.of(2017, new TreeMap<>(Map.of(2017, goal1)), targets, Better.HIGHER)
                    .orElseThrow().status()).as(demo.getKey() + ": goal 1 at " + goal1).isEqualTo(demo.getValue());
        }
    }

    /** One of the local run's demo assessments (local-run/demo, beside this module). */
    private static Assessment readAssessment(String file) throws java.io.IOException {
        java.nio.file.Path path = java.nio.file.Path.of("..", "local-run", "demo", file);
        return new com.fasterxml.jackson.databind.ObjectMapper().readValue(path.toFile(), Assessment.class);
    }
}
