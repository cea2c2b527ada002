package nl.monitor.reporting.report;

import java.util.List;

/**
 * Tabel 4.11: per goal how many municipalities included it in their policy (answered "Ja"), of how many that answered
 * the goal, as a whole percentage (half up).
 */
public record PolicyInclusionReport(int year, Integer compareWith, String region, Integer sizeClass,
                                    List<Goal> goals) implements Tabular {

    public record Goal(int goal, String title, List<YearInclusion> years) {
    }

    public record YearInclusion(int year, long included, long respondents, Integer percent) {
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
