package nl.monitor.reporting.report;

import nl.monitor.domain.scoring.Band;

import java.util.List;

/**
 * Every municipality of a Veilig Thuis region (by the shipped municipal division) with its current total for the
 * year, band, goals answered and trend against its latest earlier scored year.
 */
public record RegionView(String region, int year, List<Row> municipalities) implements Tabular {

    /** How the total moved since the previous scored year; NEW when there is none, NONE when not scored this year. */
    public enum Trend { UP, DOWN, SAME, NEW, NONE }

    public record Row(String municipality, String name, int sizeClass, boolean participated, Double total, Band band,
                      Integer goalsAnswered, Integer previousYear, Double previousTotal, Double change, Trend trend) {
    }

    @Override
    public CsvTable table() {
        CsvTable table = new CsvTable("municipality", "name", "size_class", "year", "participated", "total", "band",
                "goals_answered", "previous_year", "previous_total", "change", "trend");
        for (Row row : municipalities) {
            table.row(row.municipality(), row.name(), row.sizeClass(), year, row.participated(), row.total(),
                    row.band(), row.goalsAnswered(), row.previousYear(), row.previousTotal(), row.change(),
                    row.trend());
        }
        return table;
    }
}
