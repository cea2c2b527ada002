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
    void a_row_must_fill_every_column() {
        assertThatThrownBy(() -> new CsvTable("a", "b").row(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
