package nl.monitor.reporting.report;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * A report's tables as an Excel workbook (.xlsx, Apache POI): one sheet per table, its header row bold and frozen,
 * column widths set to the longest value, numbers as numbers — whole numbers in format {@code 0}, others in
 * {@code 0.0#} (one or two decimals, as the reports round them), which Dutch Excel shows with a decimal comma —
 * booleans as booleans, and text neutralised against formulas as in the CSV ({@link CellText}), though a text cell is
 * never run.
 */
public final class ExcelWorkbook {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Excel's limits: a sheet name of 31 characters, a column of 255 characters' width. */
    private static final int SHEET_NAME_LENGTH = 31;
    private static final int WIDEST_COLUMN = 60;

    /** One table of the workbook and the name of its sheet. */
    public record Table(String name, CsvTable table) {
    }

    private ExcelWorkbook() {
    }

    public static byte[] write(List<Table> tables) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Styles styles = new Styles(workbook);
            for (Table table : tables) {
                sheet(workbook, styles, table);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a workbook in memory failed", e);
        }
    }

    private static void sheet(XSSFWorkbook workbook, Styles styles, Table table) {
        String name = WorkbookUtil.createSafeSheetName(table.name().length() > SHEET_NAME_LENGTH
                ? table.name().substring(0, SHEET_NAME_LENGTH) : table.name());
        Sheet sheet = workbook.createSheet(name);
        List<String> header = table.table().header();
        int[] widths = new int[header.size()];
        Row headerRow = sheet.createRow(0);
        for (int c = 0; c < header.size(); c++) {
            Cell cell = headerRow.createCell(c);
            cell.setCellValue(CellText.neutralised(header.get(c)));
            cell.setCellStyle(styles.header);
            widths[c] = header.get(c).length();
        }
        int r = 1;
        for (List<Object> values : table.table().rows()) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                String shown;
                if (value instanceof Number number) {
                    cell.setCellValue(number.doubleValue());
                    cell.setCellStyle(whole(number) ? styles.whole : styles.decimal);
                    shown = number.toString();
                } else if (value instanceof Boolean flag) {
                    cell.setCellValue(flag);
                    shown = flag.toString();
                } else {
                    shown = CellText.neutralised(value.toString());
                    cell.setCellValue(shown);
                }
                widths[c] = Math.max(widths[c], shown.length());
            }
        }
        sheet.createFreezePane(0, 1);
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, Math.min(WIDEST_COLUMN, widths[c] + 2) * 256);
        }
    }

    private static boolean whole(Number number) {
        return number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte || number instanceof BigInteger
                || (number instanceof BigDecimal decimal && decimal.scale() <= 0);
    }

    /** The workbook's cell styles, made once (a workbook holds at most 64,000). */
    private static final class Styles {
        final CellStyle header;
        final CellStyle whole;
        final CellStyle decimal;

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            whole = workbook.createCellStyle();
            whole.setDataFormat(workbook.createDataFormat().getFormat("0"));
            decimal = workbook.createCellStyle();
            decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0#"));
        }
    }
}
