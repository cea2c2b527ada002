package nl.monitor.reporting.repository;

import nl.monitor.reporting.repository.ReportQueries.ReadModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadModelTablesTest {

    private static final String SQL = """
            SELECT s.municipality, s.municipality_count FROM municipality_goal_score g
            JOIN municipality_score s USING (municipality, year), submission_goal sg, municipality_submission ms
            WHERE s.region = ? AND audit_entry_id IS NULL""";

    @Test
    void the_released_model_names_the_copies_of_the_four_tables_and_nothing_else() {
        assertThat(ReadModel.RELEASED.tables(SQL)).isEqualTo("""
                SELECT s.municipality, s.municipality_count FROM released_municipality_goal_score g
                JOIN released_municipality_score s USING (municipality, year), released_submission_goal sg, \
                released_municipality_submission ms
                WHERE s.region = ? AND audit_entry_id IS NULL""");
        assertThat(ReadModel.LIVE.tables(SQL)).isSameAs(SQL);
    }
}
