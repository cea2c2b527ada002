package nl.monitor.survey.indicator;

import nl.monitor.domain.assessment.ViolationCode;
import nl.monitor.rest.InvalidInputException;
import nl.monitor.survey.indicator.FigureRecording.WorkbookTooLargeException;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The second reader of {@link FigureTable}: the first sheet of an Excel workbook (.xlsx, Office Open XML), row by row
 * as the sheet's XML streams past ({@code fastexcel-reader}: StAX, no document model, a few hundred classes instead of
 * Apache POI's thousands — the survey-service's metaspace and heap are capped, deploy/README.md "Memory").
 * <ul>
 * <li>A numeric cell is its number, rounded to 15 significant digits as Excel shows and stores what is typed
 * ({@code 14.499999999999998} is 14.5); a text cell is read as the Dutch dialect's text is (decimal comma; a text
 * period {@code 2024-Q3} or a numeric year {@code 2024} alike). Lines are numbered as Excel numbers its rows, so a
 * problem names the cell the user sees ({@code F4}).</li>
 * <li>A <b>formula</b> cell is refused, naming the cell and its formula: the import records official figures, audited
 * and versioned, and a formula's value in the file is only the one cached when it was last saved — absent when a
 * program wrote it without calculating, stale when calculation was manual, dependent on other sheets or workbooks
 * the service cannot see. The service has no calculation engine to check it against; taking it would store, silently,
 * a number the user may not see when opening the file. Pasting the column as values (Plakken speciaal → Waarden) is
 * one step, and what is imported is then what is shown. An error value ({@code #DEEL/0!}) is refused likewise.</li>
 * <li><b>Unpacked size</b>: before any XML is parsed every part of the package is inflated and counted (the bytes
 * that come out, not the sizes the archive claims): more than {@value #MAX_PART_MIB} MiB for one part, or
 * {@value #MAX_UNPACKED_MIB} MiB for all, is refused with 413 — a zip bomb stops there, at the cost of inflating at
 * most that much. A table of 10,000 figures unpacks to a few MiB. <b>XML entities</b>: the reader's StAX factory
 * supports no DTD and no external entities, so a {@code DOCTYPE} with an entity is not expanded (XXE).</li>
 * <li>Not a workbook (an .xls of Excel 97-2003 or an encrypted one, both OLE2 files; not a zip; a zip without a
 * workbook): 422 on {@code body}, saying which.</li>
 * </ul>
 */
final class FigureWorkbook {

    /** The media type of an Excel workbook (.xlsx). */
    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final long MAX_PART_MIB = 16;
    static final long MAX_UNPACKED_MIB = 64;
    private static final long MIB = 1024 * 1024;
    /** Excel's precision: 15 significant digits. */
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
            (byte) 0xE1};

    private FigureWorkbook() {
    }

    /**
     * The first sheet of a workbook as a {@link FigureTable.Sheet}: its rows that have a cell, numbered as Excel
     * numbers them; reading stops after the header and {@value FigureTable#MAX_ROWS} + 1 rows of figures.
     *
     * @throws WorkbookTooLargeException when it unpacks to more than the limits
     * @throws InvalidInputException when it is not a workbook or cannot be read
     */
    static FigureTable.Sheet read(byte[] workbook) {
        requireWorkbook(workbook);
        requireUnpackedWithinLimits(workbook);
        List<FigureTable.Line> lines = new ArrayList<>();
        boolean truncated = false;
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(workbook));
             Stream<Row> rows = book.getFirstSheet().openStream()) {
            Iterator<Row> it = rows.iterator();
            while (it.hasNext()) {
                FigureTable.Line line = line(it.next());
                if (line.blank()) {
                    continue;
                }
                if (lines.size() > FigureTable.MAX_ROWS) { // the header and MAX_ROWS + 1 figures already
                    truncated = true;
                    break;
                }
                lines.add(line);
            }
        } catch (IOException | UncheckedIOException | ExcelReaderException | IndexOutOfBoundsException e) {
            throw unreadable(e);
        }
        return new FigureTable.Sheet(lines, true, truncated);
    }

    private static FigureTable.Line line(Row row) {
        List<FigureTable.Cell> cells = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(cell(row.getCell(i)));
        }
        while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
            cells.remove(cells.size() - 1); // a formatted cell past the table is no column
        }
        return new FigureTable.Line(row.getRowNum(), cells);
    }

    private static FigureTable.Cell cell(org.dhatim.fastexcel.reader.Cell cell) {
        if (cell == null) {
            return FigureTable.Cell.EMPTY;
        }
        return switch (cell.getType()) {
            case EMPTY -> FigureTable.Cell.EMPTY;
            case NUMBER -> FigureTable.Cell.number(new BigDecimal(cell.getRawValue().trim()).round(EXCEL_DIGITS));
            case STRING -> FigureTable.Cell.text(cell.getText());
            case BOOLEAN -> FigureTable.Cell.text("1".equals(cell.getRawValue()) ? "TRUE" : "FALSE");
            case FORMULA -> FigureTable.Cell.refused("formula", "a formula (=" + cell.getFormula() + "): the import "
                    + "takes values only, since a formula's value in the file is the one last saved, not one the "
                    + "service can check; paste the column as values (Plakken speciaal, Waarden) and import again");
            case ERROR -> FigureTable.Cell.refused(ViolationCode.INVALID_FORMAT, "an error value ("
                    + cell.getRawValue() + ") instead of a value");
        };
    }

    /** A zip (an Office Open XML package), else a 422 that says what it is. */
    private static void requireWorkbook(byte[] workbook) {
        if (startsWith(workbook, OLE2)) {
            throw InvalidInputException.of("body", ViolationCode.INVALID_FORMAT, "an Excel 97-2003 workbook (.xls) or"
                    + " a workbook with a password: save it as an Excel workbook (.xlsx) without a password");
        }
        if (!startsWith(workbook, ZIP)) {
            throw InvalidInputException.of("body", ViolationCode.INVALID_FORMAT, "not an Excel workbook (.xlsx)"
                    + (workbook.length == 0 ? ": the body is empty" : ": an .xlsx file is a zip package, this is not"));
        }
    }

    /** Inflates every part and counts what comes out; refuses a part or a whole over the limits (413). */
    private static void requireUnpackedWithinLimits(byte[] workbook) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(workbook)).get()) {
            for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements(); ) {
                ZipArchiveEntry entry = entries.nextElement();
                long part = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                        part += n;
                        total += n;
                        if (part > MAX_PART_MIB * MIB) {
                            throw new WorkbookTooLargeException("the workbook's part " + entry.getName()
                                    + " unpacks to more than " + MAX_PART_MIB + " MiB; a table of 10,000 figures "
                                    + "takes a few");
                        }
                        if (total > MAX_UNPACKED_MIB * MIB) {
                            throw new WorkbookTooLargeException("the workbook unpacks to more than " + MAX_UNPACKED_MIB
                                    + " MiB; import a workbook with the table of figures alone");
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof WorkbookTooLargeException tooLarge) {
                throw tooLarge;
            }
            throw unreadable(e);
        }
    }

    /** A 422 with the innermost reason (the XML parser's, the zip reader's), not the wrappers around it. */
    private static InvalidInputException unreadable(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return InvalidInputException.of("body", ViolationCode.INVALID_FORMAT, "not readable as an Excel workbook "
                + "(.xlsx): " + reason.replaceAll("\\s+", " ").strip());
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
