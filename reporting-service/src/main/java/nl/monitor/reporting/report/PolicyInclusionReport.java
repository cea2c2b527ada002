package nl.monitor.reporting.report;

import java.util.List;

/**
 * Tabel 4.11: per goal how many municipalities included it in their policy (answered "Ja"), of how many that answered
 * the goal, as a whole percentage (half up). On a region or size-class filter, a cell over fewer municipalities than
 * {@code reporting.suppression.min-municipalities} (k, 3) is withheld from respondents and coordinators: its values
 * null, {@code suppressed} true (an empty cell in CSV); analysts and admins see it. The respondents stay shown.
 * {@code mapping} (with {@code compareWith}): how the earlier year's codes map onto this year's ({@link DivisionMapping}).
 */
public record PolicyInclusionReport(int year, Integer compareWith, String region, Integer sizeClass,
                                    List<Goal> goals,
        DivisionMapping mapping) implements Tabular {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PolicyInclusionGoal")
    public record Goal(int goal, String title, List<YearInclusion> years) {
    }

    public record YearInclusion(int year, Long included, long respondents, Integer percent, boolean suppressed) {
    }

    @Override
    public CsvTable table() {
        CsvTable table = new CsvTable("goal", "title", "year", "included", "respondents", "percent");
        for (Goal goal : goals) {
            for (YearInclusion y : goal.years()) {
                table.row(goal.goal(), goal.title(), y.year(), y.included(), y.respondents(), y.percent());
            }
        }
        return table;
    }
}
