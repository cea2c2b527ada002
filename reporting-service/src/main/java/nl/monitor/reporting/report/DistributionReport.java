package nl.monitor.reporting.report;

import java.util.List;

/**
 * The distribution of the municipalities' total scores per year: how many have a total below the red norm (25) and
 * above the green norm (75), of all that participated (n), and how many included no goal at all in their policy, of
 * all whose answers are known (respondents); whole percentages, half up. On a region or size-class filter, a cell over fewer municipalities than
 * {@code reporting.suppression.min-municipalities} (k, 3) is withheld from respondents and coordinators: its values
 * null, {@code suppressed} true (an empty cell in CSV); analysts and admins see it. n and respondents stay shown; the counts and percentages are withheld.
 * {@code mapping} (with {@code compareWith}): how the earlier year's codes map onto this year's ({@link DivisionMapping}).
 */
public record DistributionReport(int year, Integer compareWith, String region, Integer sizeClass, double redBelow,
                                 double greenAbove, List<YearDistribution> years,
        DivisionMapping mapping) implements Tabular {

    public record YearDistribution(int year, long n, Long below, Integer belowPercent, Long above,
                                   Integer abovePercent, long respondents, Long noGoalInPolicy,
                                   Integer noGoalInPolicyPercent, boolean suppressed) {
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
