package nl.monitor.reporting.report;

import java.util.List;

/**
 * Tabel 3.1 and Figuur 4.11: per size class and year the municipalities invited (those of the municipal division the
 * service ships), those that participated (have a current score), the participation as a whole percentage (half up),
 * and their mean total score (one decimal). The last row of each year ({@code sizeClass} null) is the total.
 */
public record ParticipationReport(int year, Integer compareWith, String region, String divisionNote,
                                  List<SizeClassRow> sizeClasses) implements Tabular {

    public record SizeClassRow(Integer sizeClass, String label, List<YearParticipation> years) {
    }

    public record YearParticipation(int year, long invited, long participated, Integer percent, Double meanTotal) {
    }

    @Override
    public CsvTable table() {
        CsvTable table = new CsvTable("size_class", "label", "year", "invited", "participated", "percent",
                "mean_total");
        for (SizeClassRow row : sizeClasses) {
            for (YearParticipation y : row.years()) {
                table.row(row.sizeClass(), row.label(), y.year(), y.invited(), y.participated(), y.percent(),
                        y.meanTotal());
            }
        }
        return table;
    }
}
