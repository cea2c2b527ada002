package nl.monitor.reporting.report;

import nl.monitor.reference.Merger;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.reference.MunicipalityDivisions;

import java.util.List;
import java.util.Optional;

/**
 * Which municipalities of an earlier year's division went into a municipality of a later year's division, and with
 * which population weight, so that an earlier score of a merged municipality is the population-weighted mean of its
 * predecessors' scores.
 *
 * <p>Any earlier shipped division folds onto any later one ({@link MunicipalityDivisions#predecessorsIn}): 2013
 * onto 2017 (the 2014 wave compared with 2017: Bussum, Muiden and Naarden into Gooise Meren), 2013 and 2017 onto
 * 2021; years counted by one and the same division map every code onto itself ({@link Mapping#mapped()} false).
 *
 * <p>Weights (see data/README.md: only the 2017 division carries inhabitants of its own):
 * <ul>
 *   <li>a code of the 2017 division weighs its inhabitants on 1 January 2016 (CBS StatLine 83287NED);</li>
 *   <li>a 2013 code gone by 1 January 2017 has no figure of its own: it weighs an equal share of the 2016 figure of
 *       the 2017 municipality it went into, shared with every 2013 code that went into it (approximate);</li>
 *   <li>a code split over several successors counts in each with an equal share of its weight (the shares of a split
 *       are not known; approximate).</li>
 * </ul>
 * A single predecessor (the municipality itself) weighs 1: its weight changes nothing.
 */
public final class Predecessors {

    /** The 2017 division: the only one with inhabitants of its own for the earlier waves. */
    static final int WEIGHT_DIVISION = 2017;
    static final String SOURCE_2016 = "CBS inhabitants 1 January 2016 (83287NED)";
    static final String SOURCE_GONE = "equal share of the 2016 inhabitants of the 2017 municipality it went into";
    static final String SOURCE_SPLIT = "split over %d successors: an equal share of %s";
    static final String SOURCE_SELF = "itself";

    /** One predecessor with its weight and where that weight comes from. */
    public record Predecessor(String code, String name, double weight, boolean approximate, String weightSource) {
    }

    /**
     * The predecessors in {@code earlierYear}'s division of {@code code} of {@code laterYear}'s division.
     *
     * @param mapped whether the codes were mapped across a change of division (false: the municipality itself)
     */
    public record Mapping(String code, int laterYear, int laterDivisionYear, int earlierYear, int earlierDivisionYear,
                          boolean mapped, List<Predecessor> predecessors) {

        /** Whether anything other than the municipality itself under its own code is folded in. */
        public boolean folds() {
            return predecessors.size() != 1 || !predecessors.get(0).code().equals(code);
        }
    }

    private Predecessors() {
    }

    /** The predecessors of a municipality of {@code laterYear} in the division of {@code earlierYear}. */
    public static Mapping of(String code, int laterYear, int earlierYear) {
        MunicipalityDivision later = MunicipalityDivisions.forYear(laterYear);
        MunicipalityDivision earlier = MunicipalityDivisions.forYear(earlierYear);
        List<Municipality> folded = later.year() <= earlier.year() ? List.of()
                : MunicipalityDivisions.predecessorsIn(code, later.year(), earlier.year());
        if (folded.isEmpty()) {
            String name = later.municipality(code).or(() -> earlier.municipality(code)).map(Municipality::name)
                    .orElse(code);
            return new Mapping(code, laterYear, later.year(), earlierYear, earlier.year(), false,
                    List.of(new Predecessor(code, name, 1, false, SOURCE_SELF)));
        }
        List<Predecessor> predecessors = folded.stream().map(m -> weighted(m, MunicipalityDivisions
                .successorsIn(m.code(), earlier.year(), later.year()).size())).toList();
        return new Mapping(code, laterYear, later.year(), earlierYear, earlier.year(), true, predecessors);
    }

    /** Every code {@code code} may have had in any shipped earlier division, itself included. */
    public static List<String> everyEarlierCode(String code) {
        List<String> codes = new java.util.ArrayList<>(List.of(code));
        for (int later : MunicipalityDivisions.years()) {
            for (int earlier : MunicipalityDivisions.years().headSet(later)) {
                MunicipalityDivisions.predecessorsIn(code, later, earlier).stream().map(Municipality::code)
                        .filter(c -> !codes.contains(c)).forEach(codes::add);
            }
        }
        return codes;
    }

    private static Predecessor weighted(Municipality predecessor, int successors) {
        MunicipalityDivision division2017 = MunicipalityDivisions.of(WEIGHT_DIVISION).orElseThrow();
        Merger merger = MunicipalityDivisions.merger(predecessor.code()).orElseThrow(() -> new IllegalStateException(
                "No merger record of " + predecessor.code()));
        String name = predecessor.name();
        Optional<Municipality> in2017 = division2017.municipality(merger.code());
        double weight;
        boolean approximate;
        String source;
        if (in2017.isPresent()) {
            weight = in2017.get().inhabitants();
            approximate = false;
            source = SOURCE_2016;
        } else {
            // Gone between 2013 and 2017: it went into the 2017 municipality of its (first) 2021 successor, as the
            // 2013 division's size classes take it (reference-data); that figure is shared with the others merged in.
            String into = merger.successors2021().get(0);
            Municipality merged = division2017.municipality(into).orElseThrow(() -> new IllegalStateException(
                    "No 2017 municipality for " + merger.code() + " of 2013"));
            long sharing = MunicipalityDivisions.mergers().stream()
                    .filter(m -> division2017.municipality(m.code()).isEmpty())
                    .filter(m -> m.successors2021().get(0).equals(into)).count()
                    + (MunicipalityDivisions.of(2013).flatMap(d -> d.municipality(into)).isPresent() ? 1 : 0);
            weight = (double) merged.inhabitants() / Math.max(1, sharing);
            approximate = true;
            source = SOURCE_GONE;
        }
        if (successors > 1) {
            weight = weight / successors;
            approximate = true;
            source = SOURCE_SPLIT.formatted(successors, source);
        }
        return new Predecessor(merger.code(), name, weight, approximate, source);
    }
}
