package nl.monitor.reporting.report;

import java.util.List;

/**
 * Figuur 4.1-4.10: per goal the mean total and mean borging / inhoud / bereik over the municipalities that answered
 * the goal (n), per year (the comparison year first). Means to one decimal, half up; null when n is 0. On a region or size-class filter, a cell over fewer municipalities than
 * {@code reporting.suppression.min-municipalities} (k, 3) is withheld from respondents and coordinators: its values
 * null, {@code suppressed} true (an empty cell in CSV); analysts and admins see it.
 * {@code mapping} (with {@code compareWith}): how the earlier year's codes map onto this year's ({@link DivisionMapping}).
 */
public record GoalScoresReport(int year, Integer compareWith, String region, Integer sizeClass,
                               List<Goal> goals,
        DivisionMapping mapping) implements Tabular {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "GoalScoresGoal")
    public record Goal(int goal, String title, List<YearMeans> years) {
    }

    public record YearMeans(int year, long n, Double meanTotal, Double meanBorging, Double meanInhoud,
                            Double meanBereik, boolean suppressed) {
    }

    @Override
    public CsvTable table() {
        CsvTable table = new CsvTable("goal", "title", "year", "n", "mean_total", "mean_borging", "mean_inhoud",
                "mean_bereik");
        for (Goal goal : goals) {
            for (YearMeans y : goal.years()) {
                table.row(goal.goal(), goal.title(), y.year(), y.n(), y.meanTotal(), y.meanBorging(), y.meanInhoud(),
                        y.meanBereik());
            }
        }
        return table;
    }
}
