package nl.monitor.reporting.report;

import java.util.List;

/**
 * The distribution of the municipalities' total scores per year: how many have a total below the red norm (25) and
 * above the green norm (75), of all that participated (n), and how many included no goal at all in their policy, of
 * all whose answers are known (respondents); whole percentages, half up.
 */
public record DistributionReport(int year, Integer compareWith, String region, Integer sizeClass, double redBelow,
                                 double greenAbove, List<YearDistribution> years) implements Tabular {

    public record YearDistribution(int year, long n, long below, Integer belowPercent, long above,
                                   Integer abovePercent, long respondents, long noGoalInPolicy,
                                   Integer noGoalInPolicyPercent) {
    }

    @Override
    public CsvTable table() {
        CsvTable table = new CsvTable("year", "n", "below_" + (int) redBelow, "below_percent",
                "above_" + (int) greenAbove, "above_percent", "respondents", "no_goal_in_policy",
                "no_goal_in_policy_percent");
        for (YearDistribution y : years) {
            table.row(y.year(), y.n(), y.below(), y.belowPercent(), y.above(), y.abovePercent(), y.respondents(),
                    y.noGoalInPolicy(), y.noGoalInPolicyPercent());
        }
        return table;
    }
}
