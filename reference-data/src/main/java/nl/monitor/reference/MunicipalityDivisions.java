package nl.monitor.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every municipal division the platform ships (CBS, 1 January of 2013, 2017 and 2021), which one a Monitor year
 * uses, and the mergers between them. The files and their sources are in {@code divisions.README.md} beside them.
 *
 * <p>A Monitor year uses the division of 1 January of that year, except where {@code monitor-years.csv} says
 * otherwise (the 2014 wave invited the 408 municipalities of 1 January 2013). When that division is not shipped
 * (e.g. 2018-2020, 2022-2024), the latest earlier one stands in: {@link #forYear(int)} says which it took.
 */
public final class MunicipalityDivisions {

    private static final String BASE = "nl/monitor/reference/";
    private static final String HEADER_2013 = "code,name,province,successors_2021,veilig_thuis_region";
    private static final String HEADER_2017 = HEADER_2013 + ",inhabitants_2016_01_01";
    private static final String HEADER_SUCCESSORS = "code,name,successors_2021,kind,note";
    private static final String HEADER_MONITOR_YEARS = "monitor_year,division_year,source";

    private MunicipalityDivisions() {
    }

    /** The division the wave of a Monitor year invites, and whether it is that year's own or a stand-in. */
    public record Choice(int monitorYear, int intendedDivisionYear, MunicipalityDivision division) {

        /** False when the intended division is not shipped and an earlier one stands in for it. */
        public boolean exact() {
            return division.year() == intendedDivisionYear;
        }

        /** One sentence for reports, e.g. "the 388 municipalities of the CBS division of 1 January 2017". */
        public String describe() {
            String text = "the " + division.size() + " municipalities of the CBS division of 1 January "
                    + division.year();
            return exact() ? text : text + " (the division of 1 January " + intendedDivisionYear
                    + " is not shipped; the latest earlier one stands in)";
        }
    }

    /** The division a Monitor year's wave uses (see the class comment). */
    public static MunicipalityDivision forYear(int monitorYear) {
        return choose(monitorYear).division();
    }

    /** {@link #forYear(int)} with the division year intended and whether it is shipped. */
    public static Choice choose(int monitorYear) {
        int intended = divisionYearOf(monitorYear);
        Map.Entry<Integer, MunicipalityDivision> found = Shipped.DIVISIONS.floorEntry(intended);
        MunicipalityDivision division = found != null ? found.getValue() : Shipped.DIVISIONS.firstEntry().getValue();
        return new Choice(monitorYear, intended, division);
    }

    /** The division year a Monitor year intends: the one {@code monitor-years.csv} names, else the year itself. */
    public static int divisionYearOf(int monitorYear) {
        return Shipped.MONITOR_YEARS.getOrDefault(monitorYear, monitorYear);
    }

    /**
     * The rule "a year's data lives under the codes of that year's division": the municipality of a Monitor year's
     * wave by its code, in {@link #forYear(int) that year's division} only. A successor code is not in an earlier
     * year's division (a 2017 submission under GM1950 Westerwolde is refused: Bellingwedde GM0007 and Vlagtwedde
     * GM0048 answered in 2017), nor a code merged away in a later one (GM0007 in 2021).
     */
    public static Optional<Municipality> inDivisionOf(String code, int monitorYear) {
        return code == null ? Optional.empty() : forYear(monitorYear).municipality(code);
    }

    /** Why {@link #inDivisionOf} found nothing, e.g. "GM1950 is not in the 2017 division (388 municipalities ...)". */
    public static String notInDivision(String code, int monitorYear) {
        Choice choice = choose(monitorYear);
        String text = code + " is not in the " + choice.division().year() + " division (" + choice.describe()
                + ", which the " + monitorYear + " wave invites)";
        Optional<Merger> merger = merger(code);
        if (merger.isPresent() && !merger.get().continues()) {
            return text + "; " + merger.get().name() + " became " + String.join(" and ",
                    merger.get().successors2021()) + " by 2021";
        }
        List<String> then = predecessorsOf(code).stream()
                .filter(m -> choice.division().municipality(m.code()).isPresent())
                .map(m -> m.code() + " " + m.name()).toList();
        return then.isEmpty() ? text : text + "; in " + choice.division().year() + " its area was " + String.join(", ", then);
    }

    /**
     * A municipality by the code an event of a Monitor year carries, as read models and scoring see it: that year's
     * division first ({@link #inDivisionOf}), so a year is shown under its own names, size classes and regions;
     * for an event stored before the rule was enforced, the current division ({@link MunicipalityDivision#shipped()})
     * still finds a successor code.
     */
    public static Optional<Municipality> municipalityOf(String code, int monitorYear) {
        return inDivisionOf(code, monitorYear).or(() -> MunicipalityDivision.shipped().municipality(code));
    }

    /** Why {@link #municipalityOf} found nothing, for a refusal or a dead letter. */
    public static String unknown(String code, int monitorYear) {
        return "unknown municipality " + code + " (neither in the " + MunicipalityDivision.shipped().year()
                + " division nor in that of " + monitorYear + ")";
    }

    /** The division of 1 January of a year, when shipped. */
    public static Optional<MunicipalityDivision> of(int divisionYear) {
        return Optional.ofNullable(Shipped.DIVISIONS.get(divisionYear));
    }

    /** The years of the shipped divisions, oldest first. */
    public static SortedSet<Integer> years() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(Shipped.DIVISIONS.keySet()));
    }

    /** Which codes of 1 January 2013 and 2017 became which 2021 code(s), one entry per code, by code. */
    public static List<Merger> mergers() {
        return List.copyOf(Shipped.MERGERS.values());
    }

    /** What became of one code of 2013 or 2017. */
    public static Optional<Merger> merger(String code) {
        return Optional.ofNullable(Shipped.MERGERS.get(code));
    }

    /** The codes of 2013 or 2017 that went into a 2021 municipality (itself included when it existed then). */
    public static List<Merger> predecessorsOf(String code2021) {
        return Shipped.MERGERS.values().stream().filter(m -> m.successors2021().contains(code2021)).toList();
    }

    /**
     * What a municipality of the division of {@code fromDivisionYear} became in the (later or same) division of
     * {@code toDivisionYear}: itself when it is in both; else the codes of that division it went into by the shipped
     * mergers (more than one when it was split: Boarnsterhim 2013 in four of 2017). Empty when the mergers do not
     * connect it (an unknown code, or a later division to an earlier one).
     */
    public static List<String> successorsIn(String code, int fromDivisionYear, int toDivisionYear) {
        MunicipalityDivision to = of(toDivisionYear).orElseThrow(() -> new IllegalArgumentException(
                "No division of 1 January " + toDivisionYear + " is shipped"));
        if (to.municipality(code).isPresent()) {
            return List.of(code);
        }
        if (toDivisionYear < fromDivisionYear) {
            return List.of();
        }
        List<String> into2021 = merger(code).map(Merger::successors2021).orElse(List.of());
        List<String> direct = into2021.stream().filter(c -> to.municipality(c).isPresent()).toList();
        if (!direct.isEmpty() || into2021.isEmpty()) {
            return direct;
        }
        // gone before the target division, whose municipality went on into the same 2021 one(s)
        return to.all().stream().map(Municipality::code)
                .filter(c -> merger(c).map(m -> m.successors2021().stream().anyMatch(into2021::contains)).orElse(false))
                .toList();
    }

    /**
     * The municipalities of the earlier division of {@code earlierDivisionYear} that went into {@code code} of the
     * division of {@code laterDivisionYear} ({@link #successorsIn}), by code; itself when it is in both and took in
     * no other.
     */
    public static List<Municipality> predecessorsIn(String code, int laterDivisionYear, int earlierDivisionYear) {
        return Shipped.FOLDS.computeIfAbsent(earlierDivisionYear + ">" + laterDivisionYear,
                pair -> fold(earlierDivisionYear, laterDivisionYear)).getOrDefault(code, List.of());
    }

    /** Per code of the later division the codes of the earlier one that went into it. */
    private static Map<String, List<Municipality>> fold(int earlierDivisionYear, int laterDivisionYear) {
        MunicipalityDivision earlier = of(earlierDivisionYear).orElseThrow(() -> new IllegalArgumentException(
                "No division of 1 January " + earlierDivisionYear + " is shipped"));
        Map<String, List<Municipality>> fold = new LinkedHashMap<>();
        for (Municipality m : earlier.all()) {
            for (String into : successorsIn(m.code(), earlierDivisionYear, laterDivisionYear)) {
                fold.computeIfAbsent(into, c -> new ArrayList<>()).add(m);
            }
        }
        fold.replaceAll((c, list) -> List.copyOf(list));
        return Map.copyOf(fold);
    }

    /** The Veilig Thuis region(s) a code lay in in any shipped division (a region's history under its old names). */
    public static SortedSet<String> regionsOf(String code) {
        SortedSet<String> regions = new TreeSet<>();
        Shipped.DIVISIONS.values().forEach(d -> d.municipality(code).ifPresent(m -> regions.add(m.region())));
        return Collections.unmodifiableSortedSet(regions);
    }

    /** The codes of the municipalities that lay in a Veilig Thuis region in any shipped division (the inverse of {@link #regionsOf}). */
    public static SortedSet<String> membersOf(String region) {
        SortedSet<String> codes = new TreeSet<>();
        Shipped.DIVISIONS.values().forEach(d -> d.inRegion(region).forEach(m -> codes.add(m.code())));
        return Collections.unmodifiableSortedSet(codes);
    }

    /**
     * The 2013 division. Its file has no inhabitants: a municipality gets those of the 2017 municipality it is or
     * became (its own code, else its first 2021 successor's), so its size class is that of the 2017 division, the
     * "indeling 2017" under which Tabel 3.1 counts the 2014 wave too.
     */
    static MunicipalityDivision read2013(List<CsvLine.Row> rows, MunicipalityDivision division2017) {
        List<Municipality> municipalities = new ArrayList<>();
        for (CsvLine.Row row : rows) {
            String code = row.get(0);
            String firstSuccessor = row.get(3).split("\\|")[0];
            Municipality in2017 = division2017.municipality(code)
                    .or(() -> division2017.municipality(firstSuccessor))
                    .orElseThrow(() -> new IllegalStateException("No 2017 municipality for " + code + " of 2013"));
            municipalities.add(new Municipality(code, row.get(1), row.get(2), row.get(4), in2017.inhabitants()));
        }
        return MunicipalityDivision.of(2013, municipalities);
    }

    static MunicipalityDivision read2017(List<CsvLine.Row> rows) {
        List<Municipality> municipalities = new ArrayList<>();
        for (CsvLine.Row row : rows) {
            municipalities.add(new Municipality(row.get(0), row.get(1), row.get(2), row.get(4),
                    Integer.parseInt(row.get(5))));
        }
        return MunicipalityDivision.of(2017, municipalities);
    }

    /** The data rows of a shipped CSV, after checking its header. */
    static List<CsvLine.Row> rows(String resource, String header) {
        try (InputStream in = MunicipalityDivisions.class.getClassLoader().getResourceAsStream(BASE + resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + BASE + resource);
            }
            return CsvLine.rows(new InputStreamReader(in, StandardCharsets.UTF_8), header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(resource + ": " + e.getMessage(), e);
        }
    }

    private static final class Shipped {
        static final NavigableMap<Integer, MunicipalityDivision> DIVISIONS = divisions();
        static final Map<Integer, Integer> MONITOR_YEARS = monitorYears();
        static final Map<String, Merger> MERGERS = mergers();
        static final Map<String, Map<String, List<Municipality>>> FOLDS =
                new java.util.concurrent.ConcurrentHashMap<>();

        private static NavigableMap<Integer, MunicipalityDivision> divisions() {
            MunicipalityDivision division2017 = read2017(rows("municipalities-2017.csv", HEADER_2017));
            NavigableMap<Integer, MunicipalityDivision> divisions = new TreeMap<>();
            divisions.put(2013, read2013(rows("municipalities-2013.csv", HEADER_2013), division2017));
            divisions.put(2017, division2017);
            divisions.put(2021, MunicipalityDivision.shipped());
            return Collections.unmodifiableNavigableMap(divisions);
        }

        private static Map<Integer, Integer> monitorYears() {
            Map<Integer, Integer> years = new LinkedHashMap<>();
            for (CsvLine.Row row : rows("monitor-years.csv", HEADER_MONITOR_YEARS)) {
                years.put(Integer.parseInt(row.get(0)), Integer.parseInt(row.get(1)));
            }
            return Map.copyOf(years);
        }

        private static Map<String, Merger> mergers() {
            Map<String, Merger> mergers = new LinkedHashMap<>();
            for (CsvLine.Row row : rows("successors-2021.csv", HEADER_SUCCESSORS)) {
                Merger merger = new Merger(row.get(0), row.get(1), Arrays.asList(row.get(2).split("\\|")),
                        Merger.Kind.parse(row.get(3)), row.get(4));
                if (mergers.put(merger.code(), merger) != null) {
                    throw new IllegalStateException("successors-2021.csv lists " + merger.code() + " twice");
                }
            }
            return Collections.unmodifiableMap(mergers);
        }
    }
}
