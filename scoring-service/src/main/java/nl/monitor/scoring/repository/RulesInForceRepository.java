package nl.monitor.scoring.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import nl.monitor.domain.scoring.ScoringRulesCatalog;

/**
 * Which scoring rules version is in force for each year (wave): until a rescore, the latest shipped rules for the
 * questionnaire the year's first scored submission answered.
 */
@ApplicationScoped
public class RulesInForceRepository {

    private final EntityManager em;
    private final TransactionSynchronizationRegistry transaction;

    public RulesInForceRepository(EntityManager em, TransactionSynchronizationRegistry transaction) {
        this.em = em;
        this.transaction = transaction;
    }

    /**
     * The rules version in force for the year, its row locked until the transaction ends (created with the latest
     * shipped rules of the default questionnaire when the year has none yet): a rescore waits for whoever scores in
     * that year, and the reverse.
     */
    public int lockForYear(int year) {
        return inForce(year, ScoringRulesCatalog.LATEST, "FOR UPDATE");
    }

    /**
     * The rules version in force for the year, share-locked until the transaction ends: scorers (of several
     * instances) do not wait for each other, only for a rescore of the year, and a rescore waits for them. A year
     * without rules yet gets {@code defaultRules} (the latest for the questionnaire its first submission answers).
     */
    public int shareForYear(int year, int defaultRules) {
        // Held until the transaction ends: a batch of a year's submissions takes the lock once.
        String key = "rules-in-force-shared:" + year;
        Integer held = (Integer) transaction.getResource(key);
        if (held == null) {
            held = inForce(year, defaultRules, "FOR SHARE");
            transaction.putResource(key, held);
        }
        return held;
    }

    private int inForce(int year, int defaultRules, String lock) {
        em.createNativeQuery("INSERT INTO rules_in_force (year, rules_version, since, changed_by) "
                        + "VALUES (?1, ?2, now(), 'shipped default') ON CONFLICT (year) DO NOTHING")
                .setParameter(1, year).setParameter(2, defaultRules).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT rules_version FROM rules_in_force WHERE year = ?1 " + lock)
                .setParameter(1, year).getSingleResult()).intValue();
    }

    /** Puts a rules version in force for the year (the row must be locked by {@link #lockForYear}). */
    public void put(int year, int rulesVersion, String by) {
        em.createNativeQuery("UPDATE rules_in_force SET rules_version = ?2, since = now(), changed_by = ?3 "
                        + "WHERE year = ?1")
                .setParameter(1, year).setParameter(2, rulesVersion).setParameter(3, by).executeUpdate();
    }
}
