package nl.monitor.reporting;

import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.ScoreComputed;
import nl.monitor.domain.scoring.Band;
import nl.monitor.domain.scoring.GoalScore;
import nl.monitor.testsupport.EventPublisher;
import nl.monitor.testsupport.PostgresServer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes {@code score-computed} events to the real topic as the scoring-service does, and reads the read model
 * straight from PostgreSQL.
 */
final class ScoreEvents {

    static final String TOPIC = EventType.SCORE_COMPUTED.topic();
    static final String DLQ = "reporting-service.score-computed.dlq";

    /** Goal 1 as SPEC's worked example: 25 + 27.5 + 20 = 72.5, orange. */
    static final GoalScore WORKED_EXAMPLE = new GoalScore(1, 25, 27.5, 20, 72.5, Band.ORANGE);
    static final GoalScore NOTHING_FOR_10 = new GoalScore(10, 0, 0, 0, 0, Band.RED);
    static final GoalScore FULL_MARKS_FOR_2 = new GoalScore(2, 25, 50, 25, 100, Band.GREEN);

    private static final EventCodec CODEC = new EventCodec();

    private ScoreEvents() {
    }

    /** A score-computed event; total and band follow from the goals as the Monitor's norms say. */
    static CloudEvent<ScoreComputed> score(String municipality, int year, int submissionVersion, int rulesVersion,
                                           Instant computedAt, GoalScore... goals) {
        double total = Arrays.stream(goals).mapToDouble(GoalScore::total).average().orElseThrow();
        Band band = total < 25 ? Band.RED : total > 75 ? Band.GREEN : Band.ORANGE;
        return CloudEvent.of(EventType.SCORE_COMPUTED, "/scoring-service", municipality,
                new ScoreComputed(UUID.nameUUIDFromBytes((municipality + year + "v" + submissionVersion).getBytes()),
                        municipality, year, submissionVersion, rulesVersion, List.of(goals), total, goals.length,
                        band, computedAt.truncatedTo(ChronoUnit.MICROS)));
    }

    static String encode(CloudEvent<ScoreComputed> event) {
        return CODEC.encode(event);
    }

    /** Publishes the event, keyed by its municipality, and returns the record value sent. */
    static String publish(CloudEvent<ScoreComputed> event) {
        String value = CODEC.encode(event);
        publishRaw(event.subject(), value);
        return value;
    }

    static void publishRaw(String key, String value) {
        EventPublisher.shared().send(TOPIC, key, value);
    }

    /** The rows of a query on the read model, each column by name, in the query's order. */
    static List<Map<String, Object>> rows(String sql, Object... parameters) {
        try (Connection connection = PostgresServer.shared().connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        row.put(meta.getColumnLabel(c), result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    static void execute(String sql, Object... parameters) {
        try (Connection connection = PostgresServer.shared().connect();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new AssertionError(sql, e);
        }
    }

    /** The stored row of a municipality and year: ordering key and audit columns. */
    static Map<String, Object> stored(String municipality, int year) {
        List<Map<String, Object>> rows = rows("SELECT submission_version, rules_version, total, event_id, revision, "
                + "updated_at FROM reporting.municipality_score WHERE municipality = ? AND year = ?", municipality, year);
        if (rows.size() != 1) {
            throw new AssertionError("Expected one row for " + municipality + " " + year + ", found " + rows.size());
        }
        return rows.get(0);
    }
}
