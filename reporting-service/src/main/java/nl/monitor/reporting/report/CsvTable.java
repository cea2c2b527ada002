package nl.monitor.reporting.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A report as one flat table, for the CSV export: a header and rows of values. Written as RFC 4180 CSV (comma
 * separated, CRLF line ends, a field quoted when it holds a comma, quote or line break; null as an empty field;
 * numbers with a decimal point).
 */
public final class CsvTable {

    private final List<String> header;
    private final List<List<Object>> rows = new ArrayList<>();

    public CsvTable(String... header) {
        this.header = List.of(header);
    }

    /** Adds a row; one value per header column. */
    public CsvTable row(Object... values) {
        if (values.length != header.size()) {
            throw new IllegalArgumentException("A row of " + values.length + " values for " + header.size()
                    + " columns " + header);
        }
        rows.add(Arrays.asList(values));
        return this;
    }

    public String write() {
        StringBuilder csv = new StringBuilder();
        line(csv, new ArrayList<>(header));
        rows.forEach(row -> line(csv, row));
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<?> values) {
        csv.append(values.stream().map(CsvTable::field).collect(Collectors.joining(","))).append("\r\n");
    }

    private static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
