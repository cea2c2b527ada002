package nl.monitor.reporting.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A report as one flat table, for the CSV export: a header and rows of values. Written as RFC 4180 CSV (comma
 * separated, CRLF line ends, a field quoted when it holds a comma, quote or line break; null as an empty field;
 * numbers with a decimal point).
 *
 * <p>Formula injection (OWASP "CSV Injection"): a text cell that begins with {@code = + - @}, a tab or a carriage
 * return would be run as a formula by a spreadsheet, so it is written with a single quote in front
 * ({@code '=HYPERLINK(...)}), which spreadsheets show as text. Numbers stay numbers: a {@link Number} value, and a
 * text that is a plain decimal number ({@code -57.5}), are written as they are, since they cannot hold a formula.
 */
public final class CsvTable {

    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

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
        String text = value instanceof Number ? value.toString() : neutralised(value.toString());
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static String neutralised(String text) {
        boolean formula = !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
        return formula && !PLAIN_NUMBER.matcher(text).matches() ? "'" + text : text;
    }
}
