package nl.monitor.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What the platform's databases hold for one year of submissions, stage by stage, for the checks that every accepted
 * submission went through exactly once (the fault-injection suite, the pipeline benchmark).
 */
public final class PipelineCounts {

    private PipelineCounts() {
    }

    /** Submissions the survey-service stored for the year (every version). */
    public static long stored(Connection db, int year) throws SQLException {
        return count(db, "SELECT count(*) FROM survey.submission WHERE year = ?", year);
    }

    /** Municipalities with at least one submission for the year. */
    public static long municipalities(Connection db, int year) throws SQLException {
        return count(db, "SELECT count(DISTINCT municipality) FROM survey.submission WHERE year = ?", year);
    }

    /** Submissions of the year the scoring-service scored (each counted once). */
    public static long scoredSubmissions(Connection db, int year) throws SQLException {
        return count(db, "SELECT count(DISTINCT submission_id) FROM scoring.score WHERE year = ?", year);
    }

    /** Scores of the year beyond one per submission: a submission scored twice. */
    public static long duplicateScores(Connection db, int year) throws SQLException {
        return count(db, "SELECT count(*) - count(DISTINCT submission_id) FROM scoring.score WHERE year = ?", year);
    }

    /** Municipalities whose newest stored version is the one the reporting-service's read model holds. */
    public static long currentVersionsReported(Connection db, int year) throws SQLException {
        return count(db, "SELECT count(*) FROM reporting.municipality_score r JOIN (SELECT municipality, "
                + "max(version) AS version FROM survey.submission WHERE year = ? GROUP BY municipality) s "
                + "ON r.municipality = s.municipality AND r.submission_version = s.version WHERE r.year = ?",
                year, year);
    }

    /** The count of a {@code SELECT count(...)} with integer parameters. */
    public static long count(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
