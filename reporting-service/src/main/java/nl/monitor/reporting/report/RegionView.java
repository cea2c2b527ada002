package nl.monitor.reporting.report;

import nl.monitor.domain.scoring.Band;

import java.util.List;

/**
 * Every municipality of a Veilig Thuis region (by the shipped municipal division) with its current total for the
 * year, band, goals answered and trend against its latest earlier scored year. For a merged municipality that
 * earlier total is the population-weighted mean of its predecessors' totals in that year's division
 * ({@code previousFromPredecessors}, with the {@code predecessors} and their weights; see {@link TrendYear}). The CSV
 * keeps its columns; the weights of every fold are in the division-mapping report's CSV.
 */
public record RegionView(String region, int year, List<Row> municipalities) implements Tabular {

    /** How the total moved since the previous scored year; NEW when there is none, NONE when not scored this year. */
    public enum Trend { UP, DOWN, SAME, NEW, NONE }

    public record Row(String municipality, String name, int sizeClass, boolean participated, Double total, Band band,
                      Integer goalsAnswered, Integer previousYear, Double previousTotal, Double change, Trend trend,
                      boolean previousFromPredecessors, List<TrendYear.Predecessor> predecessors) {
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
