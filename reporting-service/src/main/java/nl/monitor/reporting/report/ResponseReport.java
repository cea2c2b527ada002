package nl.monitor.reporting.report;

import java.time.Instant;
import java.util.List;

/**
 * The response of a wave while it runs (Tabel 3.1 live): per size class and per Veilig Thuis region the municipalities
 * invited (those of the division the year's wave invites), those that have responded (a current submission or score
 * for the year), those still outstanding and the response as a whole percentage (half up). The last line of each
 * breakdown is the total. On a region filter only that region is counted. {@code outsideDivision}: responses under a
 * code that division does not know (counted in the totals and under the size class and region the read model gives
 * them).
 */
public record ResponseReport(int year, String region, int divisionYear, boolean exactDivision, String division,
                             Instant asOf, List<Line> sizeClasses, List<Line> regions, long outsideDivision)
        implements Tabular {

    /** One size class ({@code sizeClass} set), one region ({@code region} set), or the total (neither). */
    public record Line(Integer sizeClass, String region, String label, long invited, long responded,
                       long outstanding, Integer percent) {
    }

    @Override
    public CsvTable table() {
        CsvTable table = new CsvTable("year", "breakdown", "size_class", "region", "label", "invited", "responded",
                "outstanding", "percent");
        for (Line line : sizeClasses) {
            table.row(year, "size_class", line.sizeClass(), line.region(), line.label(), line.invited(),
                    line.responded(), line.outstanding(), line.percent());
        }
        for (Line line : regions) {
            table.row(year, "region", line.sizeClass(), line.region(), line.label(), line.invited(),
                    line.responded(), line.outstanding(), line.percent());
        }
        return table;
    }
}
