package nl.monitor.reporting.report;

import java.util.List;

/**
 * Tabel 3.1 and Figuur 4.11: per size class and year the municipalities invited (those of the municipal division
 * that year's wave invites: 408 of 1 January 2013 for 2014, 388 of 2017 for 2017, 352 of 2021 from 2021 on), those
 * that participated (have a current score), the participation as a whole percentage (half up), and their mean total
 * score (one decimal). Size classes and regions are those of that division; with {@code compareWith} of another
 * division, the earlier year's rows are under the report year's division, its participants folded onto it (Tabel
 * 3.1's "indeling 2017"), and {@code divisions} keeps each wave's own totals. The last row of each year
 * ({@code sizeClass} null) is the total. {@code divisions} says per year which division was counted. On a region or size-class filter, a cell over fewer municipalities than
 * {@code reporting.suppression.min-municipalities} (k, 3) is withheld from respondents and coordinators: its values
 * null, {@code suppressed} true (an empty cell in CSV); analysts and admins see it.
 * Only the mean total is withheld: who participated is no secret to a coordinator (the region view lists it).
 * {@code mapping} (with {@code compareWith}): how the earlier year's codes map onto this year's ({@link DivisionMapping}).
 */
public record ParticipationReport(int year, Integer compareWith, String region, String divisionNote,
                                  List<SizeClassRow> sizeClasses, List<YearDivision> divisions,
        DivisionMapping mapping) implements Tabular {

    public record SizeClassRow(Integer sizeClass, String label, List<YearParticipation> years) {
    }

    public record YearParticipation(int year, long invited, long participated, Integer percent, Double meanTotal,
                                    boolean suppressed) {
    }

    /**
     * The division a year was counted by.
     *
     * @param intendedDivisionYear the division the year's wave invites (2013 for 2014)
     * @param divisionYear         the division counted: the intended one, or the latest earlier one shipped
     * @param exact                whether the intended division is shipped
     * @param invited              the municipalities of that division (in the report's region)
     * @param participated         those of them that participated: the wave's own total (Tabel 3.1: 208 in 2014)
     * @param percent              participated of invited, whole percent (half up)
     * @param outsideDivision      participants whose code is not in that division (counted in the total and in
     *                             the size class the read model gives them), e.g. a 2021 code in a 2017 report
     * @param sizeClassesIn        when the size classes of this (earlier) year are folded onto the report year's
     *                             division, that division's year (2017 for 2014 in a 2017 report); else null
     */
    public record YearDivision(int year, int intendedDivisionYear, int divisionYear, boolean exact, long invited,
                               long participated, Integer percent, long outsideDivision, Integer sizeClassesIn,
                               String description) {
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
