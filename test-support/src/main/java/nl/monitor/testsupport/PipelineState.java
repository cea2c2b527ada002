package nl.monitor.testsupport;

import org.apache.kafka.clients.admin.Admin;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Whether everything offered to the platform so far has gone all the way through, read from its database and its
 * consumer groups in the order of the pipeline (so one pass that finds each stage empty means all are): the
 * survey-service's outbox relayed, the scoring-service caught up and its outbox relayed, the reporting- and
 * notification-service caught up and their outboxes (dead letters, audit entries) relayed, no webhook or e-mail
 * delivery pending.
 */
public final class PipelineState {

    /** The topics each consumer group reads. */
    public static final Map<String, List<String>> CONSUMED = Map.of(
            "scoring-service", List.of("survey-submitted"),
            "reporting-service", List.of("survey-submitted", "score-computed"),
            "notification-service", List.of("threshold-crossed"));

    private PipelineState() {
    }

    public static boolean quiet(Connection db, Admin admin) throws Exception {
        return waiting(db, "survey") == 0 && lag(admin, "scoring-service") == 0 && waiting(db, "scoring") == 0
                && lag(admin, "reporting-service") == 0 && lag(admin, "notification-service") == 0
                // what they publish: audit entries and dead letters (a poison record's, relayed after its batch)
                && waiting(db, "reporting") == 0 && waiting(db, "notification") == 0
                && count(db, "SELECT count(*) FROM notification.delivery WHERE status = 'PENDING'") == 0;
    }

    public static long lag(Admin admin, String group) throws Exception {
        return ConsumerLag.of(admin, group, CONSUMED.get(group)).lag();
    }

    /** Outbox rows of a service's schema waiting to be relayed (parked ones are not waiting). */
    public static long waiting(Connection db, String schema) throws SQLException {
        return count(db, "SELECT count(*) FROM " + schema + ".outbox_event WHERE parked_at IS NULL");
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
