package nl.monitor.reporting.report;

import nl.monitor.domain.scoring.Band;

import java.util.List;

/**
 * Every municipality of a Veilig Thuis region (by the shipped municipal division) with its current total for the
 * year, band, goals answered and trend against its latest earlier scored year. For a merged municipality that
 * earlier total is the population-weighted mean of its predecessors' totals in that year's division
 * ({@code previousFromPredecessors}, with the {@code predecessors} and their weights; see {@link TrendYear}). The CSV
 * keeps its columns; the weights of every fold are in the division-mapping report's CSV. {@code comparison}: the region
 * against the nation (JSON and the region report; not in the CSV). {@code targetStatus} per municipality: its own
 * targets against the year's results (issue 28): MISSED, BEHIND, ON_TRACK, NO_RESULT or NO_TARGET
 * ({@link nl.monitor.reporting.plan.PlanProgress}); live, as the rows are; not in the CSV (its columns stay as they
 * were for the spreadsheets built on them).
 */
public record RegionView(String region, int year, List<Row> municipalities, Comparison comparison)
        implements Tabular {

    /**
     * The region against the nation that year: the mean total (one decimal) and per goal the mean points of the
     * region's and the country's scored municipalities, with how many each mean is over. From the released figures
     * for coordinators (as the card's means; the rows above are live). Withheld from coordinators (null, the flag
     * true): the region's mean over fewer than k municipalities, and the nation's (its count too) when fewer than
     * k municipalities outside the region make it up (the coordinator knows the region's own).
     */
    public record Comparison(Line total, List<GoalLine> goals) {
    }

    public record Line(long regionN, Double regionMean, boolean regionMeanSuppressed, Long nationN, Double nationMean,
                       boolean nationMeanSuppressed) {
    }

    public record GoalLine(int goal, String title, Line line) {
    }

    /** How the total moved since the previous scored year; NEW when there is none, NONE when not scored this year. */
    public enum Trend { UP, DOWN, SAME, NEW, NONE }

    public record Row(String municipality, String name, int sizeClass, boolean participated, Double total, Band band,
                      Integer goalsAnswered, Integer previousYear, Double previousTotal, Double change, Trend trend,
                      boolean previousFromPredecessors, List<TrendYear.Predecessor> predecessors,
                      nl.monitor.domain.plan.TargetProgress.Status targetStatus) {
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
