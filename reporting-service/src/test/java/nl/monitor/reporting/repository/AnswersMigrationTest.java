package nl.monitor.reporting.repository;

import nl.monitor.testsupport.PostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration V13 on a database that holds answers (as a deployed one does): the rows of {@code submission_option} and
 * {@code submission_extra_choice} become the JSONB values of their goal and submission, and the old tables are gone.
 * Runs the service's migrations into a schema of its own on the shared test database.
 */
class AnswersMigrationTest {

    private static final String SCHEMA = "reporting_v13_migration";

    @Test
    void converts_option_and_extra_choice_rows_into_jsonb() throws SQLException {
        try (Connection db = PostgresServer.shared().connect(); Statement sql = db.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            migrate("12");
            sql.execute("SET search_path TO " + SCHEMA);
            sql.execute("""
                    INSERT INTO municipality_submission VALUES
                        ('GM0014', 2030, 'Groningen', 5, gen_random_uuid(), 2, 1, now(), 6, 7, 8, 'e1', now()),
                        ('GM0034', 2030, 'Flevoland', 4, gen_random_uuid(), 1, 1, now(), NULL, NULL, NULL, 'e2', now())
                    """);
            sql.execute("""
                    INSERT INTO submission_goal VALUES
                        ('GM0014', 2030, 'Groningen', 5, 1, 'INCLUDED', true, true),
                        ('GM0014', 2030, 'Groningen', 5, 2, 'NOT_INCLUDED', false, false),
                        ('GM0034', 2030, 'Flevoland', 4, 1, 'INCLUDED', true, false)
                    """);
            sql.execute("""
                    INSERT INTO submission_option VALUES
                        ('GM0014', 2030, 'Groningen', 5, 1, 'prevention', 'b'),
                        ('GM0014', 2030, 'Groningen', 5, 1, 'prevention', 'a'),
                        ('GM0014', 2030, 'Groningen', 5, 1, 'care', 'anders'),
                        ('GM0034', 2030, 'Flevoland', 4, 1, 'care', 'x')
                    """);
            sql.execute("""
                    INSERT INTO submission_extra_choice VALUES
                        ('GM0014', 2030, 'risk-group-figures', 'police'),
                        ('GM0014', 2030, 'risk-group-figures', 'cbs'),
                        ('GM0014', 2030, 'youth-involved', 'yes')
                    """);
            migrate("13");

            assertThat(rows(sql, "SELECT municipality || '/' || goal || ' ' || options::text FROM submission_goal"
                    + " ORDER BY municipality, goal")).containsExactly(
                    "GM0014/1 [\"care/anders\", \"prevention/a\", \"prevention/b\"]",
                    "GM0014/2 []",
                    "GM0034/1 [\"care/x\"]");
            assertThat(rows(sql, "SELECT municipality || ' ' || extra_choices::text FROM municipality_submission"
                    + " ORDER BY municipality")).containsExactly(
                    "GM0014 {\"youth-involved\": [\"yes\"], \"risk-group-figures\": [\"cbs\", \"police\"]}",
                    "GM0034 {}");
            assertThat(rows(sql, "SELECT table_name FROM information_schema.tables WHERE table_schema = '" + SCHEMA
                    + "' AND table_name IN ('submission_option', 'submission_extra_choice')")).isEmpty();
            sql.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    private static void migrate(String target) {
        PostgresServer postgres = PostgresServer.shared();
        Flyway.configure()
                .dataSource(postgres.jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD)
                .schemas(SCHEMA)
                .locations("classpath:db/migration")
                .target(target)
                .load()
                .migrate();
    }

    private static List<String> rows(Statement sql, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
