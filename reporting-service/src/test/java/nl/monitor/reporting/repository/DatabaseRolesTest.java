package nl.monitor.reporting.repository;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import nl.monitor.testsupport.MonitorInfrastructure;
import nl.monitor.testsupport.PostgresServer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The service runs as a role that may read and write rows but owns nothing (rest-support's db/roles/afterMigrate.sql;
 * Flyway migrates as the owner): through the service's own datasource, the audit trail's append-only trigger cannot be
 * disabled or dropped, and no table altered or dropped, while reading and writing work.
 */
@QuarkusTest
@QuarkusTestResource(MonitorInfrastructure.class)
class DatabaseRolesTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void the_runtime_role_cannot_disable_the_audit_trigger_nor_alter_or_drop_tables() throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement sql = db.createStatement()) {
            try (ResultSet who = sql.executeQuery("SELECT current_user")) {
                assertThat(who.next()).isTrue();
                assertThat(who.getString(1)).isEqualTo(PostgresServer.RUNTIME_USER);
            }
            for (String change : List.of(
                    "ALTER TABLE reporting.audit_entry DISABLE TRIGGER audit_entry_no_update_or_delete",
                    "ALTER TABLE reporting.audit_entry DISABLE TRIGGER ALL",
                    "DROP TRIGGER audit_entry_no_truncate ON reporting.audit_entry",
                    "DROP FUNCTION reporting.audit_entry_is_append_only() CASCADE",
                    "ALTER TABLE reporting.audit_entry ADD COLUMN note TEXT",
                    "DROP TABLE reporting.audit_entry",
                    "DROP TABLE reporting.municipality_score",
                    "DELETE FROM reporting.flyway_schema_history",
                    "CREATE TABLE reporting.smuggled (id INT)")) {
                assertThatThrownBy(() -> sql.execute(change)).as(change).isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(change)
                                .isEqualTo("42501"));
            }
            // What the service does need still works: reading the trail, and reading and writing its other tables.
            try (ResultSet count = sql.executeQuery("SELECT count(*) FROM reporting.audit_entry")) {
                assertThat(count.next()).isTrue();
            }
            assertThat(sql.executeUpdate("UPDATE reporting.municipality_score SET region = region WHERE false"))
                    .isZero();
        }
    }
}
