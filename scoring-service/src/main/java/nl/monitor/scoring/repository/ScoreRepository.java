package nl.monitor.scoring.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.scoring.Score;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ScoreRepository implements PanacheRepositoryBase<Score, UUID> {

    private static final String NEWEST_FIRST = "order by year desc, submissionVersion desc, computedAt desc";

    /**
     * The municipality's standing score before a new one for {@code year}: its latest score of that year, or else
     * of the most recent earlier year; empty when it was never scored.
     */
    public Optional<Score> standing(String municipality, int year) {
        return find("municipality = ?1 and year <= ?2 " + NEWEST_FIRST, municipality, year).firstResultOptional();
    }

    /** The municipality's current score of the year: its latest submission's, under the rules scored last. */
    public Optional<Score> current(String municipality, int year) {
        return find("municipality = ?1 and year = ?2 " + NEWEST_FIRST, municipality, year).firstResultOptional();
    }

    /** Whether the submission was scored under that rules version already. */
    public boolean scored(java.util.UUID submissionId, int rulesVersion) {
        return count("submissionId = ?1 and rulesVersion = ?2", submissionId, rulesVersion) > 0;
    }

    public List<Score> history(String municipality) {
        return list("municipality = ?1 " + NEWEST_FIRST, municipality);
    }

    public List<Score> history(String municipality, int year) {
        return list("municipality = ?1 and year = ?2 " + NEWEST_FIRST, municipality, year);
    }
}
