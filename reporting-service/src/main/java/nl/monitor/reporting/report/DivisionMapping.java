package nl.monitor.reporting.report;

import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.reference.MunicipalityDivisions;

import java.util.ArrayList;
import java.util.List;

/**
 * How a comparison maps the earlier year onto the later one: which codes of the earlier year's municipal division were
 * folded into which municipality of the later year's division, with the population weights a merged municipality's
 * trend uses ({@link Predecessors}). Only municipalities that are not simply themselves are listed; on a region
 * filter, those of the region.
 *
 * @param mapped whether the two years are counted by different divisions that the shipped mergers connect
 * @param note   one sentence on how the years were mapped
 */
public record DivisionMapping(int year, int divisionYear, int compareWith, int earlierDivisionYear, boolean mapped,
                              String note, List<Fold> folds) implements Tabular {

    /** A municipality of the later year and the earlier codes folded into it. */
    public record Fold(String into, String name, List<From> from) {
    }

    /**
     * An earlier code and its weight in the fold.
     *
     * @param share its share of the fold's weight, whole percent (half up)
     */
    public record From(String code, String name, long inhabitants, Integer share, boolean approximate,
                       String weightSource) {
    }

    /** The mapping of a comparison scope; null without {@code compareWith}. */
    public static DivisionMapping of(ReportScope scope) {
        if (scope.compareWith() == null) {
            return null;
        }
        int year = scope.year();
        int earlier = scope.compareWith();
        MunicipalityDivision later = MunicipalityDivisions.forYear(year);
        int earlierDivision = MunicipalityDivisions.forYear(earlier).year();
        List<Fold> folds = new ArrayList<>();
        boolean mapped = false;
        for (Municipality municipality : later.all()) {
            if (scope.region() != null && !scope.region().equals(municipality.region())) {
                continue;
            }
            Predecessors.Mapping mapping = Predecessors.of(municipality.code(), year, earlier);
            mapped |= mapping.mapped();
            if (!mapping.folds()) {
                continue;
            }
            double weights = mapping.predecessors().stream().mapToDouble(Predecessors.Predecessor::weight).sum();
            folds.add(new Fold(municipality.code(), municipality.name(), mapping.predecessors().stream()
                    .map(p -> new From(p.code(), p.name(), Math.round(p.weight()),
                            Rounding.percent(Math.round(p.weight() * 1000), Math.round(weights * 1000)),
                            p.approximate(), p.weightSource())).toList()));
        }
        String note = later.year() == earlierDivision
                ? "both years are counted by the CBS division of 1 January " + later.year()
                + ": every municipality is compared with itself"
                : mapped ? "the " + earlier + " figures are of the " + MunicipalityDivisions.forYear(earlier).size()
                + " municipalities of 1 January " + earlierDivision + "; " + folds.size()
                + " municipalities of 1 January " + later.year() + " fold in earlier codes (merged or renamed), a "
                + "card's and the region view's earlier scores as the population-weighted mean of those codes"
                : "no mapping from the division of 1 January " + earlierDivision + " to that of 1 January "
                + later.year() + " is shipped: codes are compared as they are";
        return new DivisionMapping(year, later.year(), earlier, earlierDivision, mapped, note, folds);
    }

    /** This mapping with another note (a report's own sentence on what it folds: {@link DivisionFold#note}). */
    public DivisionMapping withNote(String note) {
        return new DivisionMapping(year, divisionYear, compareWith, earlierDivisionYear, mapped, note, folds);
    }

    @Override
    public CsvTable table() {
        CsvTable table = new CsvTable("year", "division_year", "compare_with", "earlier_division_year", "into",
                "into_name", "from", "from_name", "inhabitants", "share", "approximate", "weight_source");
        for (Fold fold : folds) {
            for (From from : fold.from()) {
                table.row(year, divisionYear, compareWith, earlierDivisionYear, fold.into(), fold.name(), from.code(),
                        from.name(), from.inhabitants(), from.share(), from.approximate(), from.weightSource());
            }
        }
        return table;
    }
}
