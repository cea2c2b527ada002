package nl.monitor.demo;

import nl.monitor.domain.plan.MunicipalPlan;
import nl.monitor.domain.plan.MunicipalPlan.Action;
import nl.monitor.domain.plan.MunicipalPlan.GoalTarget;
import nl.monitor.domain.plan.MunicipalPlan.IndicatorTarget;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Clearly synthetic municipal plans for the local run (issue 28): a few municipalities of the demo regions with their
 * own targets for a goal score (by 2017, or by 2020 on a path from 2014) and for the percentage of families in poverty
 * (by 2024, against the synthetic figures of {@link DemoIndicators}), and two or three actions, one of which says that
 * the plan is made up. Chosen against the demo waves of {@link DemoCohorts} so that the card, the factsheet and the
 * region view of 2017 show a target met, one missed, one on track and one behind, and the region view of 2023 and 2024
 * indicator targets on track, behind, met and missed ({@code DemoPlansTest} computes each from the demo data).
 * GM0014 Groningen, which the demo waves leave out, has a goal-1 target for 2017 that the local run's failing curl
 * demo misses and its improved one meets.
 */
public final class DemoPlans {

    /** The action every demo plan carries, so no one takes it for a municipality's real plan. */
    static final String SYNTHETIC = "Let op: dit plan is synthetisch, verzonnen voor de demo van de Monitor.";
    private static final String POVERTY = "families-in-poverty";

    /** One municipality's plan. */
    public record DemoPlan(String municipality, MunicipalPlan plan) {
    }

    private DemoPlans() {
    }

    /** The plans, in the order the local run saves them. */
    public static List<DemoPlan> all() {
        return List.of(
                // no demo score (the curl demo scores it): no result, then missed (failing), then met (improved);
                // poverty 5.4 % in 2021 to at most 5.0 % in 2024: 9.3 in 2023 is behind, 8.0 in 2024 missed
                plan(DemoCohorts.DEMO_MUNICIPALITY, List.of(goal(1, 2017, "60")), List.of(poverty(2024, "5.0")),
                        new Action("Aandachtsfunctionaris kindermishandeling als voorwaarde in elke subsidie", 2017),
                        new Action("Voorzorg aanbieden aan alle jonge ouders via de wijkteams", 2020)),
                // goal 1 at 70 in 2017: met; poverty 10.5 % to at most 8.0 %: on track in 2023 (7.5), missed in 2024
                plan("GM0037", List.of(goal(1, 2017, "65")), List.of(poverty(2024, "8.0")),
                        new Action("Schuldhulpverlening voor gezinnen met jonge kinderen uitbreiden", 2022)),
                // goal 10 at 25 in 2017: missed
                plan("GM1895", List.of(goal(10, 2017, "40")), List.of(),
                        new Action("Scholen in het voortgezet onderwijs geven elk jaar voorlichting", 2018)),
                // no 2017 wave: no result then; poverty 8.9 % to at most 8.5 %: behind in 2023 (11.0), met in 2024
                plan("GM0047", List.of(goal(2, 2020, "85")), List.of(poverty(2024, "8.5")),
                        new Action("Regiovisie huiselijk geweld en kindermishandeling vaststellen", 2019),
                        new Action("Gezinnen met armoede actief benaderen via het consultatiebureau", 2023)),
                // goal 1 from 0 (2014) to 90 by 2020: 83.75 in 2017 is above the path's 45, on track
                plan("GM1730", List.of(goal(1, 2020, "90")), List.of(),
                        new Action("Samenwerkingsafspraken met Veilig Thuis Drenthe vastleggen", 2018)),
                // goal 3 from 50 (2014) to 80 by 2020: still 50 in 2017, below the path's 65, behind;
                // poverty 7.6 % to at most 5.0 %: behind in 2023 (7.8), met in 2024 (4.4)
                plan("GM1699", List.of(goal(3, 2020, "80")), List.of(poverty(2024, "5.0")),
                        new Action("Signaleren in de kinderopvang: training voor alle pedagogisch medewerkers", 2019),
                        new Action("Jaarlijkse voortgangsrapportage aan de gemeenteraad", null)));
    }

    private static DemoPlan plan(String municipality, List<GoalTarget> goals, List<IndicatorTarget> indicators,
                                 Action... actions) {
        List<Action> all = new java.util.ArrayList<>(List.of(actions));
        all.add(new Action(SYNTHETIC, null));
        return new DemoPlan(municipality, new MunicipalPlan(goals, indicators, all));
    }

    private static GoalTarget goal(int goal, int year, String score) {
        return new GoalTarget(goal, year, new BigDecimal(score));
    }

    private static IndicatorTarget poverty(int year, String value) {
        return new IndicatorTarget(POVERTY, year, Map.of(), new BigDecimal(value));
    }
}
