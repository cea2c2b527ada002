package nl.monitor.reporting.report;

import java.util.List;

/**
 * Tabel 4.1-4.10: per goal, per measure category and option, how many municipalities chose it (N) and that as a
 * whole percentage (half up) of the goal's respondents of that year; "(geen onderdeel van beleid)" and "Anders"
 * included. Labels as printed in the report. On a region or size-class filter, a cell over fewer municipalities than
 * {@code reporting.suppression.min-municipalities} (k, 3) is withheld from respondents and coordinators: its values
 * null, {@code suppressed} true (an empty cell in CSV); analysts and admins see it. The base (the goal's respondents) stays shown.
 * {@code mapping} (with {@code compareWith}): how the earlier year's codes map onto this year's ({@link DivisionMapping}).
 */
public record MeasuresReport(int year, Integer compareWith, String region, Integer sizeClass,
                             List<Goal> goals,
        DivisionMapping mapping) implements Tabular {

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "MeasuresGoal")
    public record Goal(int goal, String title, List<YearCount> respondents, List<Category> categories) {
    }

    public record YearCount(int year, long n) {
    }

    public record Category(String category, String label, List<Option> options) {
    }

    public record Option(String option, String label, List<YearShare> years) {
    }

    public record YearShare(int year, Long n, long respondents, Integer percent, boolean suppressed) {
    }

    @Override
    public CsvTable table() {
        CsvTable table = new CsvTable("goal", "category", "category_label", "option", "option_label", "year", "n",
                "respondents", "percent");
        for (Goal goal : goals) {
            for (Category category : goal.categories()) {
                for (Option option : category.options()) {
                    for (YearShare y : option.years()) {
                        table.row(goal.goal(), category.category(), category.label(), option.option(), option.label(),
                                y.year(), y.n(), y.respondents(), y.percent());
                    }
                }
            }
        }
        return table;
    }
}
