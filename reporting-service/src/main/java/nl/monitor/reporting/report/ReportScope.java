package nl.monitor.reporting.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What an aggregate report covers: a year, optionally an earlier year to compare with, and optionally only one
 * Veilig Thuis region and/or one size class (otherwise the whole country); and which small cells it withholds.
 */
public record ReportScope(int year, Integer compareWith, String region, Integer sizeClass, SmallCells smallCells) {

    public ReportScope {
        smallCells = smallCells == null ? SmallCells.NONE : smallCells;
    }

    /** A scope that withholds nothing. */
    public ReportScope(int year, Integer compareWith, String region, Integer sizeClass) {
        this(year, compareWith, region, sizeClass, SmallCells.NONE);
    }

    /** Whether the scope is narrower than the whole country (a region and/or a size class). */
    public boolean filtered() {
        return region != null || sizeClass != null;
    }

    /** The years of the report, the earlier (comparison) year first. */
    public List<Integer> years() {
        return compareWith == null ? List.of(year) : List.of(compareWith, year);
    }

    /**
     * The SQL condition of this scope on a read-model table aliased {@code alias} (columns year, region, size_class),
     * adding its parameters to {@code parameters}.
     */
    public String where(String alias, List<Object> parameters) {
        List<String> conditions = new ArrayList<>();
        conditions.add(alias + ".year IN (" + String.join(", ", years().stream().map(y -> "?").toList()) + ")");
        parameters.addAll(years());
        if (region != null) {
            conditions.add(alias + ".region = ?");
            parameters.add(region);
        }
        if (sizeClass != null) {
            conditions.add(alias + ".size_class = ?");
            parameters.add(sizeClass);
        }
        return String.join(" AND ", conditions);
    }
}
