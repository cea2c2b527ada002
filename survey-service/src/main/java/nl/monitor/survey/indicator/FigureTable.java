package nl.monitor.survey.indicator;

import nl.monitor.domain.assessment.Violation;
import nl.monitor.domain.assessment.ViolationCode;
import nl.monitor.domain.indicator.AreaLevel;
import nl.monitor.domain.indicator.IndicatorFigure;
import nl.monitor.domain.indicator.IndicatorSet;
import nl.monitor.rest.InvalidInputException;
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
 * A table of figures, as a region or CBS delivers it, read into {@link IndicatorFigure}s: one figure per row, with the
 * columns {@code indicator;periode;niveau;gebied;waarde} (or their English names) and a column per breakdown
 * dimension, headed by its id ({@code abuse-type}, {@code sector}, …; an empty cell is the total over it). The first
 * line that is not blank is the header. Every problem names its cell ({@code C4}: column C, line or row 4).
 * <p>
 * One row model, two readers: {@link #csv} reads a CSV text — the Dutch dialect ({@code ;} between cells, decimal
 * comma, an optional byte-order mark), recognised by the header's {@code ;}, else RFC 4180 with a decimal point — and
 * {@link FigureWorkbook} the first sheet of an Excel workbook, into the same {@link Sheet} of {@link Line}s of
 * {@link Cell}s; {@link #read} turns either into figures and the problems of reading them, and
 * {@link FigureRecording} checks and stores those the same way, whichever reader they came from.
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

    /**
     * One cell as a reader found it: its text (trimmed; a number's plain digits), the number a spreadsheet held as a
     * number (null for text), or why it cannot be taken at all ({@code refusal}: a formula, an error value).
     */
    record Cell(String text, BigDecimal number, Violation refusal) {

        static final Cell EMPTY = new Cell("", null, null);

        static Cell text(String text) {
            return text == null || text.isBlank() ? EMPTY : new Cell(text.strip(), null, null);
        }

        static Cell number(BigDecimal number) {
            return new Cell(number.stripTrailingZeros().toPlainString(), number, null);
        }

        /** A cell that cannot be taken: {@code code} and {@code message} of the problem that names it. */
        static Cell refused(String code, String message) {
            return new Cell("", null, new Violation("", code, message));
        }

        boolean isEmpty() {
            return text.isEmpty() && refusal == null;
        }
    }

    /**
     * A line of the table: its number as the user sees it (the CSV's line, the spreadsheet's row number) and its cells
     * by column (A first); a column past the last cell is empty.
     */
    record Line(int number, List<Cell> cells) {

        Cell cell(int column) {
            Cell cell = column < cells.size() ? cells.get(column) : null;
            return cell == null ? Cell.EMPTY : cell;
        }

        boolean blank() {
            return cells.stream().allMatch(c -> c == null || c.isEmpty());
        }
    }

    /**
     * A table as a reader found it: its lines in order (blank ones may be left out or kept), whether numbers written as
     * text take a decimal comma, and whether the reader stopped before the end because it already had more than
     * {@value #MAX_ROWS} figures ({@code truncated}).
     */
    record Sheet(List<Line> lines, boolean decimalComma, boolean truncated) {
    }

    /** A CSV text as a {@link Sheet}: the Dutch dialect when its header has a {@code ;}, else RFC 4180. */
    static Sheet csv(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String header = body.lines().filter(l -> !l.isBlank()).findFirst().orElse("");
        boolean dutch = header.contains(";");
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(dutch ? ';' : ',').setIgnoreEmptyLines(false)
                .setTrim(true).get();
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            for (CSVRecord record : parser) {
                // every record kept, blank ones too, so the line numbers stay those of the file
                lines.add(new Line((int) record.getRecordNumber(), record.stream().map(Cell::text).toList()));
            }
        } catch (IOException | UncheckedIOException e) {
            throw InvalidInputException.of("body", ViolationCode.INVALID_FORMAT, "not readable as CSV: "
                    + e.getMessage());
        }
        return new Sheet(lines, dutch, false);
    }

    /** The figures of a table read by either reader, and every problem of reading its cells. */
    static Read read(Sheet sheet, IndicatorSet definitions) {
        List<Violation> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        List<Line> lines = sheet.lines().stream().filter(l -> !l.blank()).toList();
        if (lines.isEmpty()) {
            problems.add(new Violation("body", ViolationCode.REQUIRED, "the table is empty: a header line and at"
                    + " least one row of figures are required"));
            return new Read(rows, problems);
        }
        Map<String, Integer> columns = header(lines.get(0), definitions, problems);
        if (!problems.isEmpty()) {
            return new Read(rows, problems);
        }
        List<Line> figures = lines.subList(1, lines.size());
        if (figures.size() > MAX_ROWS || sheet.truncated()) {
            problems.add(new Violation("body", ViolationCode.OUT_OF_RANGE, "at most " + MAX_ROWS
                    + " figures per import, not " + (sheet.truncated() ? "more" : figures.size())));
            return new Read(rows, problems);
        }
        if (figures.isEmpty()) {
            problems.add(new Violation("body", ViolationCode.REQUIRED, "the table has no rows of figures"));
        }
        for (Line line : figures) {
            row(line, columns, sheet.decimalComma(), problems).ifPresent(rows::add);
        }
        return new Read(rows, problems);
    }

    /** The column index of each field ({@code indicator}, …) and breakdown ({@code breakdown.sector}, …). */
    private static Map<String, Integer> header(Line header, IndicatorSet definitions, List<Violation> problems) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.cells().size(); i++) {
            Cell cell = header.cell(i);
            if (cell.refusal() != null) {
                problems.add(at(cell.refusal(), cell(i, header.number())));
                continue;
            }
            String name = cell.text().toLowerCase(Locale.ROOT);
            String field = FIELDS.getOrDefault(name,
                    definitions.dimension(name).map(d -> "breakdown." + d.id()).orElse(null));
            if (field == null) {
                problems.add(new Violation(cell(i, header.number()), "unknown-column", "unknown column '"
                        + cell.text() + "': the columns are indicator, periode, niveau, gebied, waarde and the "
                        + "dimensions " + definitions.dimensions().stream().map(d -> d.id()).toList()));
            } else if (columns.putIfAbsent(field, i) != null) {
                problems.add(new Violation(cell(i, header.number()), ViolationCode.DUPLICATE, "column '"
                        + cell.text() + "' appears twice"));
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

    private static Optional<Row> row(Line line, Map<String, Integer> columns, boolean decimalComma,
                                     List<Violation> problems) {
        int number = line.number();
        UnaryOperator<String> cellOf = path -> columns.containsKey(path) ? cell(columns.get(path), number)
                : "line " + number + " " + path;
        int before = problems.size();
        Map<String, Cell> cells = new HashMap<>();
        columns.forEach((field, index) -> {
            Cell cell = line.cell(index);
            if (cell.refusal() != null) {
                problems.add(at(cell.refusal(), cell(index, number)));
            }
            cells.put(field, cell);
        });
        AreaLevel level = null;
        String levelText = cells.get("level").text();
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
        Cell valueCell = cells.get("value");
        BigDecimal value = valueCell.number();
        if (value == null && !valueCell.text().isEmpty()) {
            value = number(valueCell.text(), decimalComma);
            if (value == null) {
                problems.add(new Violation(cellOf.apply("value"), ViolationCode.INVALID_FORMAT, "waarde '"
                        + valueCell.text() + "' is not a number"
                        + (decimalComma ? " (decimal comma: 12,5)" : " (decimal point: 12.5)")));
            }
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        Map<String, String> breakdown = new LinkedHashMap<>();
        cells.forEach((field, cell) -> {
            if (field.startsWith("breakdown.") && !cell.text().isEmpty()) {
                breakdown.put(field.substring("breakdown.".length()), cell.text());
            }
        });
        return Optional.of(new Row(new IndicatorFigure(blankToNull(cells.get("indicator").text()),
                blankToNull(cells.get("period").text()), level, blankToNull(cells.get("area").text()), breakdown,
                value), cellOf));
    }

    /** A reader's refusal of a cell, at that cell. */
    private static Violation at(Violation refusal, String cell) {
        return new Violation(cell, refusal.code(), refusal.message());
    }

    private static boolean isLevelName(String text) {
        for (AreaLevel level : AreaLevel.values()) {
            if (level.name().equalsIgnoreCase(text)) {
                return true;
            }
        }
        return false;
    }

    /** A number written as text: with a decimal comma (and {@code .} between thousands), else a decimal point. */
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

    /** The spreadsheet name of a cell: column letters (A, B, …, AA) and line or row number. */
    static String cell(int column, int line) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString() + line;
    }
}
