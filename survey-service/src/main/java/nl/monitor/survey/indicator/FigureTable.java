package nl.monitor.survey.indicator;

import nl.monitor.domain.assessment.Violation;
import nl.monitor.domain.assessment.ViolationCode;
import nl.monitor.domain.indicator.AreaLevel;
import nl.monitor.domain.indicator.IndicatorFigure;
import nl.monitor.domain.indicator.IndicatorSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Reads a table of figures, as a region or CBS delivers it, into {@link IndicatorFigure}s: one figure per row, with the
 * columns {@code indicator;periode;niveau;gebied;waarde} (or their English names) and a column per breakdown
 * dimension, headed by its id ({@code abuse-type}, {@code sector}, …; an empty cell is the total over it). The Dutch
 * dialect — {@code ;} between cells, decimal comma, an optional byte-order mark — is recognised by the header's
 * {@code ;}; otherwise RFC 4180 with a decimal point. Every problem names its cell ({@code C4}: column C, line 4).
 */
final class FigureTable {

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("indicator", "indicator"), Map.entry("periode", "period"), Map.entry("period", "period"),
            Map.entry("niveau", "level"), Map.entry("level", "level"), Map.entry("gebied", "area"),
            Map.entry("area", "area"), Map.entry("waarde", "value"), Map.entry("value", "value"));
    private static final List<String> REQUIRED = List.of("indicator", "period", "level", "area", "value");
    private static final Map<String, AreaLevel> LEVELS = Map.of(
            "gemeente", AreaLevel.MUNICIPALITY, "municipality", AreaLevel.MUNICIPALITY,
            "regio", AreaLevel.REGION, "region", AreaLevel.REGION,
            "landelijk", AreaLevel.NATIONAL, "nationaal", AreaLevel.NATIONAL, "national", AreaLevel.NATIONAL);
    private static final Pattern DUTCH_THOUSANDS = Pattern.compile("-?\\d{1,3}(\\.\\d{3})+(,\\d+)?");
    /** At most this many figures per import. */
    static final int MAX_ROWS = 10_000;

    private FigureTable() {
    }

    /** A figure read from a row, and where each of its fields was (a violation's path to its cell). */
    record Row(IndicatorFigure figure, UnaryOperator<String> cellOf) {
    }

    /** The rows read, and the problems of reading (a cell that is not a number or a level, a bad header). */
    record Read(List<Row> rows, List<Violation> problems) {
    }

    static Read parse(String text, IndicatorSet definitions) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String header = body.lines().findFirst().orElse("");
        boolean dutch = header.contains(";");
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(dutch ? ';' : ',').setIgnoreEmptyLines(false)
                .setTrim(true).get();
        List<Violation> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                problems.add(new Violation("body", ViolationCode.REQUIRED, "the table is empty: a header line and at"
                        + " least one row of figures are required"));
                return new Read(rows, problems);
            }
            Map<String, Integer> columns = header(records.get(0), definitions, problems);
            if (!problems.isEmpty()) {
                return new Read(rows, problems);
            }
            long figures = records.stream().skip(1).filter(r -> !r.stream().allMatch(String::isEmpty)).count();
            if (figures > MAX_ROWS) {
                problems.add(new Violation("body", ViolationCode.OUT_OF_RANGE, "at most " + MAX_ROWS
                        + " figures per import, not " + figures));
                return new Read(rows, problems);
            }
            if (figures == 0) {
                problems.add(new Violation("body", ViolationCode.REQUIRED, "the table has no rows of figures"));
            }
            for (CSVRecord record : records.subList(1, records.size())) {
                if (record.stream().allMatch(String::isEmpty)) {
                    continue; // a blank line (counted, so the line numbers stay those of the file)
                }
                row(record, columns, dutch, problems).ifPresent(rows::add);
            }
        } catch (IOException | UncheckedIOException e) {
            problems.add(new Violation("body", ViolationCode.INVALID_FORMAT, "not readable as CSV: " + e.getMessage()));
        }
        return new Read(rows, problems);
    }

    /** The column index of each field ({@code indicator}, …) and breakdown ({@code breakdown.sector}, …). */
    private static Map<String, Integer> header(CSVRecord header, IndicatorSet definitions, List<Violation> problems) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT);
            String field = FIELDS.getOrDefault(name,
                    definitions.dimension(name).map(d -> "breakdown." + d.id()).orElse(null));
            if (field == null) {
                problems.add(new Violation(cell(i, 1), "unknown-column", "unknown column '" + header.get(i)
                        + "': the columns are indicator, periode, niveau, gebied, waarde and the dimensions "
                        + definitions.dimensions().stream().map(d -> d.id()).toList()));
            } else if (columns.putIfAbsent(field, i) != null) {
                problems.add(new Violation(cell(i, 1), ViolationCode.DUPLICATE, "column '" + header.get(i)
                        + "' appears twice"));
            }
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                problems.add(new Violation("header", ViolationCode.REQUIRED, "the header lacks the column " + required
                        + (required.equals("value") ? " (waarde)" : "")));
            }
        }
        return columns;
    }

    private static Optional<Row> row(CSVRecord record, Map<String, Integer> columns, boolean dutch,
                                     List<Violation> problems) {
        int line = (int) record.getRecordNumber();
        Map<String, String> cells = new HashMap<>();
        columns.forEach((field, index) -> cells.put(field, index < record.size() ? record.get(index) : ""));
        UnaryOperator<String> cellOf = path -> columns.containsKey(path) ? cell(columns.get(path), line)
                : "line " + line + " " + path;
        int before = problems.size();
        AreaLevel level = null;
        String levelText = cells.get("level");
        if (!levelText.isEmpty()) {
            level = LEVELS.get(levelText.toLowerCase(Locale.ROOT));
            if (level == null && isLevelName(levelText)) {
                level = AreaLevel.valueOf(levelText.toUpperCase(Locale.ROOT));
            }
            if (level == null) {
                problems.add(new Violation(cellOf.apply("level"), ViolationCode.INVALID_FORMAT, "niveau '" + levelText
                        + "' is not gemeente, regio or landelijk"));
            }
        }
        BigDecimal value = null;
        String valueText = cells.get("value");
        if (!valueText.isEmpty()) {
            value = number(valueText, dutch);
            if (value == null) {
                problems.add(new Violation(cellOf.apply("value"), ViolationCode.INVALID_FORMAT, "waarde '" + valueText
                        + "' is not a number" + (dutch ? " (decimal comma: 12,5)" : " (decimal point: 12.5)")));
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        Map<String, String> breakdown = new LinkedHashMap<>();
        cells.forEach((field, text) -> {
            if (field.startsWith("breakdown.") && !text.isEmpty()) {
                breakdown.put(field.substring("breakdown.".length()), text);
            }
        });
        return Optional.of(new Row(new IndicatorFigure(blankToNull(cells.get("indicator")),
                blankToNull(cells.get("period")), level, blankToNull(cells.get("area")), breakdown, value), cellOf));
    }

    private static boolean isLevelName(String text) {
        for (AreaLevel level : AreaLevel.values()) {
            if (level.name().equalsIgnoreCase(text)) {
                return true;
            }
        }
        return false;
    }

    private static BigDecimal number(String text, boolean dutch) {
        String plain = text.replace(" ", "").replace("\u00A0", "");
        if (dutch) {
            plain = DUTCH_THOUSANDS.matcher(plain).matches() ? plain.replace(".", "") : plain;
            plain = plain.replace(',', '.');
        }
        try {
            return new BigDecimal(plain);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** The spreadsheet name of a cell: column letters (A, B, …, AA) and line number. */
    static String cell(int column, int line) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString() + line;
    }
}
