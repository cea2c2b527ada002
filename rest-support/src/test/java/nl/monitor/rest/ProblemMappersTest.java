package nl.monitor.rest;

import org.junit.jupiter.api.Test;

import javax.transaction.xa.XAException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "the database is away, try again" (503) rather than a fault of ours (500). */
class ProblemMappersTest {

    @Test
    void a_connection_fault_anywhere_in_the_chain_is_the_database_being_away() {
        assertThat(ProblemMappers.databaseUnreachable(new IllegalStateException("wrapped",
                new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(ProblemMappers.databaseUnreachable(new SQLTransientConnectionException("no connection"))).isTrue();
        assertThat(ProblemMappers.databaseUnreachable(new RuntimeException(
                new SQLException("Acquisition timeout while waiting for new connection")))).isTrue();

        // A commit that failed as PostgreSQL shut down carries the driver's error as a suppressed exception.
        XAException commit = new XAException("Error trying to transactionCommit local transaction");
        commit.initCause(new SQLException("terminating connection due to administrator command", "57P01"));
        RuntimeException rollback = new RuntimeException("Could not commit transaction");
        rollback.addSuppressed(commit);
        assertThat(ProblemMappers.databaseUnreachable(new RuntimeException("Error invoking subclass method",
                rollback))).isTrue();
    }

    @Test
    void other_failures_are_not() {
        assertThat(ProblemMappers.databaseUnreachable(new IllegalStateException("a bug"))).isFalse();
        assertThat(ProblemMappers.databaseUnreachable(new RuntimeException(
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
    }
}
