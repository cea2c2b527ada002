package nl.monitor.reporting.report;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExcelWorkbookTest {

    private static Workbook read(byte[] xlsx) throws IOException {
        return WorkbookFactory.create(new ByteArrayInputStream(xlsx));
    }

    @Test
    void one_sheet_per_table_numbers_as_numbers_header_frozen_widths_set_and_formulas_neutralised() throws IOException {
        CsvTable scores = new CsvTable("goal", "title", "year", "mean_total", "suppressed")
                .row(1, "=HYPERLINK(\"http://evil\")", 2031, 31.25, false)
                .row(2, "Ouders;=1+1", 2031, null, true);
        CsvTable card = new CsvTable("municipality", "points").row("GM1950", 72.5);
        try (Workbook workbook = read(ExcelWorkbook.write(List.of(
                new ExcelWorkbook.Table("goal-scores-2031-with-a-name-longer-than-excel-allows", scores),
                new ExcelWorkbook.Table("card", card))))) {
            assertThat(workbook.getNumberOfSheets()).isEqualTo(2);
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).hasSize(31).startsWith("goal-scores-2031");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("mean_total");
            assertThat(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex())
                    .isNotEqualTo(sheet.getRow(1).getCell(0).getCellStyle().getFontIndex());

            assertThat(sheet.getRow(1).getCell(0).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(0).getCellStyle().getDataFormatString()).isEqualTo("0");
            assertThat(sheet.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(2031.0);
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(31.25);
            assertThat(sheet.getRow(1).getCell(3).getCellStyle().getDataFormatString()).isEqualTo("0.0#");
            assertThat(sheet.getRow(1).getCell(4).getBooleanCellValue()).isFalse();
            assertThat(sheet.getRow(2).getCell(3)).as("null: no cell").isNull();

            assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("'=HYPERLINK(\"http://evil\")");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Ouders;'=1+1");

            assertThat(sheet.getColumnWidth(1)).isEqualTo(("'=HYPERLINK(\"http://evil\")".length() + 2) * 256);
            assertThat(sheet.getColumnWidth(0)).isEqualTo(("goal".length() + 2) * 256);
            assertThat(workbook.getSheetAt(1).getRow(1).getCell(1).getNumericCellValue()).isEqualTo(72.5);
        }
    }
}
