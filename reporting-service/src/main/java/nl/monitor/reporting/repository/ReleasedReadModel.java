package nl.monitor.reporting.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * The copies of the read model last released to respondents and coordinators (V14, {@code released_*}): per year,
 * how many municipalities differ from the live read model, and a new release of a year (the live rows copied over).
 */
@ApplicationScoped
public class ReleasedReadModel {

    /** The live tables that have a released copy, parents before children. */
    public static final List<String> TABLES = List.of("municipality_score", "municipality_goal_score",
            "municipality_submission", "submission_goal");

    /** Keeps releases of different years apart and those of one year in line (pg_advisory_xact_lock's key). */
    private static final long LOCK = 25_000_000_000L;

    private final EntityManager entityManager;

    public ReleasedReadModel(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Releases the year anew when {@code releasable} says so of the number of municipalities whose score or
     * submission differs from the released one (a new, another or a gone event), all in one transaction of its own
     * under a lock of the year, so readers see either the old release or the new one.
     *
     * @return whether the year was released anew
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean releaseIf(int year, Releasable releasable) {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, LOCK + year)
                .getSingleResult();
        long differing = ((Number) entityManager.createNativeQuery("""
                SELECT count(DISTINCT municipality) FROM (
                    (SELECT municipality, event_id FROM municipality_score WHERE year = ?1
                     EXCEPT SELECT municipality, event_id FROM released_municipality_score WHERE year = ?1)
                    UNION ALL
                    (SELECT municipality, event_id FROM released_municipality_score WHERE year = ?1
                     EXCEPT SELECT municipality, event_id FROM municipality_score WHERE year = ?1)
                    UNION ALL
                    (SELECT municipality, event_id FROM municipality_submission WHERE year = ?1
                     EXCEPT SELECT municipality, event_id FROM released_municipality_submission WHERE year = ?1)
                    UNION ALL
                    (SELECT municipality, event_id FROM released_municipality_submission WHERE year = ?1
                     EXCEPT SELECT municipality, event_id FROM municipality_submission WHERE year = ?1)
                ) differing
                """).setParameter(1, year).getSingleResult()).longValue();
        if (differing == 0 || !releasable.test(year, differing)) {
            return false;
        }
        for (String table : TABLES) {
            entityManager.createNativeQuery("DELETE FROM released_" + table + " WHERE year = ?1")
                    .setParameter(1, year).executeUpdate();
        }
        for (String table : TABLES) {
            entityManager.createNativeQuery("INSERT INTO released_" + table + " SELECT * FROM " + table
                    + " WHERE year = ?1").setParameter(1, year).executeUpdate();
        }
        return true;
    }

    /** Whether the year's wave is closed: the audit trail's latest wave action of the year is {@code wave.closed}. */
    public boolean waveClosed(int year) {
        List<?> latest = entityManager.createNativeQuery("""
                SELECT action FROM audit_entry WHERE subject = ?1 AND action IN (?2, ?3, ?4)
                ORDER BY occurred_at DESC, seq DESC LIMIT 1
                """).setParameter(1, "wave/" + year).setParameter(2, "wave.opened").setParameter(3, "wave.closed")
                .setParameter(4, "wave.reopened").getResultList();
        return !latest.isEmpty() && "wave.closed".equals(latest.get(0));
    }

    /** The rule that says when a year is released anew. */
    @FunctionalInterface
    public interface Releasable {
        boolean test(int year, long differingMunicipalities);
    }
}
