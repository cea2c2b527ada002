package nl.monitor.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The municipalities of one year's division (municipalities merge: 408 in 2014, 388 in 2017, 352 in 2021), read
 * from a CSV with the columns {@code code,name,province,veilig_thuis_region,inhabitants_2020_approx}.
 */
public final class MunicipalityDivision {

    private static final String HEADER = "code,name,province,veilig_thuis_region,inhabitants_2020_approx";
    private static final String DIVISION_2021 = "nl/monitor/reference/municipalities-2021.csv";

    private final int year;
    private final Map<String, Municipality> byCode;

    private MunicipalityDivision(int year, List<Municipality> municipalities) {
        this.year = year;
        Map<String, Municipality> map = new LinkedHashMap<>();
        for (Municipality municipality : municipalities) {
            if (map.put(municipality.code(), municipality) != null) {
                throw new IllegalArgumentException("Municipality " + municipality.code() + " appears twice");
            }
        }
        this.byCode = Map.copyOf(map);
    }

    /** The division shipped with the platform: CBS 2021, 352 municipalities in 26 Veilig Thuis regions. */
    public static MunicipalityDivision shipped() {
        return Shipped.DIVISION;
    }

    /** A division of the given municipalities (each code once). */
    public static MunicipalityDivision of(int year, List<Municipality> municipalities) {
        return new MunicipalityDivision(year, municipalities);
    }

    public static MunicipalityDivision fromCsv(int year, Reader csv) throws IOException {
        List<Municipality> municipalities = new ArrayList<>();
        for (CsvLine.Row row : CsvLine.rows(csv, HEADER)) {
            try {
                municipalities.add(new Municipality(row.get(0), row.get(1), row.get(2), row.get(3),
                        Integer.parseInt(row.get(4))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Line " + row.line() + ": inhabitants is not a number", e);
            }
        }
        return new MunicipalityDivision(year, municipalities);
    }

    public int year() {
        return year;
    }

    public Optional<Municipality> municipality(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public List<Municipality> all() {
        return byCode.values().stream().sorted(Comparator.comparing(Municipality::code)).toList();
    }

    public List<Municipality> inRegion(String region) {
        return all().stream().filter(m -> m.region().equals(region)).toList();
    }

    public SortedSet<String> regions() {
        return byCode.values().stream().map(Municipality::region).collect(Collectors.toCollection(TreeSet::new));
    }

    public int size() {
        return byCode.size();
    }

    private static final class Shipped {
        static final MunicipalityDivision DIVISION = load();

        private static MunicipalityDivision load() {
            try (InputStream in = MunicipalityDivision.class.getClassLoader().getResourceAsStream(DIVISION_2021)) {
                if (in == null) {
                    throw new IllegalStateException("Missing resource " + DIVISION_2021);
                }
                return fromCsv(2021, new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
