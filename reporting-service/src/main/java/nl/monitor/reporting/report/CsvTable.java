package nl.monitor.reporting.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A report as one flat table, for the CSV and Excel exports: a header and rows of values. Written as CSV of a
 * {@link CsvDialect}: RFC 4180 by default (comma separated, CRLF line ends, a field quoted when it holds the separator,
 * a quote or a line break; null as an empty field; numbers with a decimal point), or Dutch (semicolons, decimal comma,
 * UTF-8 byte-order mark). Numbers stay numbers ({@link Number} values); every text is neutralised against formula
 * injection ({@link CellText}).
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

    public List<String> header() {
        return header;
    }

    /** The rows, each value as added (null for an empty cell). */
    public List<List<Object>> rows() {
        return Collections.unmodifiableList(rows);
    }

    /** RFC 4180. */
    public String write() {
        return write(CsvDialect.RFC_4180);
    }

    public String write(CsvDialect dialect) {
        StringBuilder csv = new StringBuilder();
        if (dialect.byteOrderMark()) {
            csv.append('\uFEFF');
        }
        line(csv, new ArrayList<>(header), dialect);
        rows.forEach(row -> line(csv, row, dialect));
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<?> values, CsvDialect dialect) {
        csv.append(values.stream().map(v -> field(v, dialect))
                .collect(Collectors.joining(String.valueOf(dialect.separator())))).append("\r\n");
    }

    private static String field(Object value, CsvDialect dialect) {
        if (value == null) {
            return "";
        }
        String text = value instanceof Number number ? number(number, dialect)
                : CellText.neutralised(value.toString());
        if (text.indexOf(dialect.separator()) >= 0 || text.contains("\"") || text.contains("\n")
                || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static String number(Number number, CsvDialect dialect) {
        String text = number instanceof BigDecimal decimal ? decimal.toPlainString() : number.toString();
        return text.replace('.', dialect.decimalSeparator());
    }
}
