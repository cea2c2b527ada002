package nl.monitor.reporting.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTableTest {

    @Test
    void writes_rfc_4180_with_quotes_only_where_needed() {
        String csv = new CsvTable("goal", "label", "percent")
                .row(1, "Ja, sterk \"verbeterd\"", 13)
                .row(2, "plain", null)
                .write();
        assertThat(csv).isEqualTo("goal,label,percent\r\n1,\"Ja, sterk \"\"verbeterd\"\"\",13\r\n2,plain,\r\n");
    }

    @Test
    void text_that_a_spreadsheet_would_run_as_a_formula_gets_a_quote_in_front() {
        String csv = new CsvTable("label")
                .row("=HYPERLINK(\"http://evil\",\"x\")")
                .row("+31 6 1234")
                .row("-2+3")
                .row("@SUM(A1)")
                .row("\tindented")
                .row("\rreturn")
                .row("Anders: =1+1")
                .write();
        assertThat(csv).isEqualTo("label\r\n"
                + "\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"\r\n"
                + "'+31 6 1234\r\n"
                + "'-2+3\r\n"
                + "'@SUM(A1)\r\n"
                + "'\tindented\r\n"
                + "\"'\rreturn\"\r\n"
                + "Anders: =1+1\r\n");
    }

    @Test
    void negative_numbers_stay_numbers() {
        String csv = new CsvTable("change", "text", "big")
                .row(-57.5, "-57.5", new java.math.BigDecimal("-3"))
                .row(-2, "-12", null)
                .write();
        assertThat(csv).isEqualTo("change,text,big\r\n-57.5,-57.5,-3\r\n-2,-12,\r\n");
    }

    @Test
    void the_dutch_dialect_has_semicolons_a_decimal_comma_and_a_byte_order_mark() {
        String csv = new CsvTable("goal", "title", "mean", "n", "suppressed")
                .row(1, "Ouders; kinderen", 72.5, 4L, false)
                .row(2, "Ja, sterk", -0.25, null, true)
                .write(CsvDialect.DUTCH);
        assertThat(csv).isEqualTo("\uFEFFgoal;title;mean;n;suppressed\r\n"
                + "1;\"Ouders; kinderen\";72,5;4;false\r\n"
                + "2;Ja, sterk;-0,25;;true\r\n");
    }

    @Test
    void text_after_a_separator_is_neutralised_too_in_both_dialects() {
        CsvTable table = new CsvTable("label").row("x;=cmd|' /C calc'!A0").row("a,+1;-2+3;@SUM(A1)").row(";=1")
                .row("1;-2;-57.5");
        assertThat(table.write()).isEqualTo("label\r\n"
                + "x;'=cmd|' /C calc'!A0\r\n"
                + "\"a,'+1;'-2+3;'@SUM(A1)\"\r\n"
                + ";'=1\r\n"
                + "1;-2;-57.5\r\n");
        assertThat(table.write(CsvDialect.DUTCH)).isEqualTo("\uFEFFlabel\r\n"
                + "\"x;'=cmd|' /C calc'!A0\"\r\n"
                + "\"a,'+1;'-2+3;'@SUM(A1)\"\r\n"
                + "\";'=1\"\r\n"
                + "\"1;-2;-57.5\"\r\n");
    }

    @Test
    void a_row_must_fill_every_column() {
        assertThatThrownBy(() -> new CsvTable("a", "b").row(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
