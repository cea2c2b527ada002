package nl.monitor.reporting.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.ScoreComputed;
import nl.monitor.domain.scoring.GoalScore;
import nl.monitor.reporting.MunicipalityScore;
import nl.monitor.reporting.MunicipalityYear;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static nl.monitor.reporting.repository.ColumnArrays.Type.FLOAT8;
import static nl.monitor.reporting.repository.ColumnArrays.Type.INT;
import static nl.monitor.reporting.repository.ColumnArrays.Type.TEXT;
import static nl.monitor.reporting.repository.ColumnArrays.Type.TIMESTAMPTZ;
import static nl.monitor.reporting.repository.ColumnArrays.Type.UUID;

@ApplicationScoped
public class MunicipalityScoreRepository implements PanacheRepositoryBase<MunicipalityScore, MunicipalityScore.Key> {

    private static final String WITH_GOALS = "select distinct s from MunicipalityScore s left join fetch s.goals ";

    /**
     * A score to store as the current one of its municipality and year.
     *
     * @param versions how many versions it stands for (added to the revision counter): 1 for a consumed event; in a
     *                 replay, the versions of its municipality and year in the batch that replaced one another
     */
    public record CurrentScore(ScoreComputed score, String region, int sizeClass, String eventId, int versions) {
    }

    /**
     * Stores each score as the municipality's current one for its year unless the stored one is newer, ordered by
     * (submission version, rules version, computed-at), and replaces the goal scores of those stored: one statement per
     * table however many scores (at most one per municipality and year). The upsert takes the row lock, so two writers
     * of the same municipality and year are serialised and the newer score wins whatever the order they commit in.
     *
     * @return the municipalities and years whose score is now one of these (inserted or replacing an older one)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<MunicipalityYear> storeIfCurrent(List<CurrentScore> current) {
        if (current.isEmpty()) {
            return Set.of();
        }
        ColumnArrays rows = new ColumnArrays(TEXT, INT, TEXT, INT, UUID, INT, INT, FLOAT8, TEXT, INT, TIMESTAMPTZ, TEXT,
                INT);
        for (CurrentScore c : current) {
            ScoreComputed score = c.score();
            rows.add(score.municipality(), score.year(), c.region(), c.sizeClass(), score.submissionId(),
                    score.submissionVersion(), score.rulesVersion(), score.totalScore(), score.band().name(),
                    score.goalsAnswered(), score.computedAt(), c.eventId(), c.versions());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> stored = rows.bind(getEntityManager().createNativeQuery("""
                        INSERT INTO municipality_score AS s (municipality, year, region, size_class, submission_id,
                            submission_version, rules_version, total, band, goals_answered, computed_at, event_id,
                            revision, updated_at)
                        SELECT *, now() FROM %s
                        ON CONFLICT (municipality, year) DO UPDATE SET
                            region = excluded.region, size_class = excluded.size_class,
                            submission_id = excluded.submission_id, submission_version = excluded.submission_version,
                            rules_version = excluded.rules_version, total = excluded.total, band = excluded.band,
                            goals_answered = excluded.goals_answered, computed_at = excluded.computed_at,
                            event_id = excluded.event_id, revision = s.revision + excluded.revision,
                            updated_at = excluded.updated_at
                        WHERE (excluded.submission_version, excluded.rules_version, excluded.computed_at)
                           >= (s.submission_version, s.rules_version, s.computed_at)
                        RETURNING municipality, year
                        """.formatted(rows.unnest(1))), 1).getResultList();
        Set<MunicipalityYear> now = new HashSet<>();
        stored.forEach(row -> now.add(new MunicipalityYear((String) row[0], ((Number) row[1]).intValue())));
        replaceGoals(current.stream().filter(c -> now.contains(key(c.score()))).map(CurrentScore::score).toList());
        return now;
    }

    private static MunicipalityYear key(ScoreComputed score) {
        return new MunicipalityYear(score.municipality(), score.year());
    }

    /** Replaces the goal scores of the municipalities' current scores by those of {@code scores}. */
    private void replaceGoals(List<ScoreComputed> scores) {
        if (scores.isEmpty()) {
            return;
        }
        ColumnArrays keys = new ColumnArrays(TEXT, INT);
        ColumnArrays goals = new ColumnArrays(TEXT, INT, INT, FLOAT8, FLOAT8, FLOAT8, FLOAT8, TEXT);
        for (ScoreComputed score : scores) {
            keys.add(score.municipality(), score.year());
            for (GoalScore goal : score.goals()) {
                goals.add(score.municipality(), score.year(), goal.goal(), goal.borging(), goal.inhoud(),
                        goal.bereik(), goal.total(), goal.band().name());
            }
        }
        keys.bind(getEntityManager().createNativeQuery("DELETE FROM municipality_goal_score "
                + "WHERE (municipality, year) IN (SELECT * FROM " + keys.unnest(1) + ")"), 1).executeUpdate();
        if (!goals.isEmpty()) {
            goals.bind(getEntityManager().createNativeQuery("INSERT INTO municipality_goal_score (municipality, year, "
                    + "goal, borging, inhoud, bereik, total, band) SELECT * FROM " + goals.unnest(1)), 1)
                    .executeUpdate();
        }
    }

    /**
     * Empties the read model for a rebuild. The EXCLUSIVE lock waits for projections that already wrote to these
     * tables and holds back those that have not until this transaction ends, so no event can end up marked as
     * processed while its effect was deleted (see {@link nl.monitor.reporting.service.ReadModelRebuild}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clear() {
        getEntityManager().createNativeQuery(
                "LOCK TABLE municipality_score, municipality_goal_score IN EXCLUSIVE MODE").executeUpdate();
        getEntityManager().createNativeQuery("DELETE FROM municipality_goal_score").executeUpdate();
        getEntityManager().createNativeQuery("DELETE FROM municipality_score").executeUpdate();
    }

    /** The municipality's current score of every year, newest year first, with the goal scores. */
    public List<MunicipalityScore> ofMunicipality(String municipality) {
        return find(WITH_GOALS + "where s.municipality = ?1 order by s.year desc", municipality).list();
    }

    public Optional<MunicipalityScore> ofMunicipality(String municipality, int year) {
        return find(WITH_GOALS + "where s.municipality = ?1 and s.year = ?2", municipality, year)
                .firstResultOptional();
    }
}
