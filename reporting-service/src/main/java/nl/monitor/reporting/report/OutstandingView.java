package nl.monitor.reporting.report;

import java.util.List;

/**
 * For a coordinator: the municipalities of a Veilig Thuis region (in the division the year's wave invites) that have
 * not yet submitted for the year, smallest code first, with how many were invited and have responded.
 */
public record OutstandingView(String region, int year, int divisionYear, String division, long invited,
                              long responded, Integer percent, List<Municipality> outstanding) implements Tabular {

    public record Municipality(String municipality, String name, int sizeClass, String sizeClassLabel,
                               int inhabitants) {
    }

    @Override
    public CsvTable table() {
        CsvTable table = new CsvTable("region", "year", "municipality", "name", "size_class", "inhabitants");
        for (Municipality m : outstanding) {
            table.row(region, year, m.municipality(), m.name(), m.sizeClass(), m.inhabitants());
        }
        return table;
    }
}
