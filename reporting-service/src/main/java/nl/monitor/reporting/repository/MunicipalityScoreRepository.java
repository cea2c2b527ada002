package nl.monitor.reporting.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.ScoreComputed;
import nl.monitor.domain.scoring.GoalScore;
import nl.monitor.reporting.MunicipalityScore;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class MunicipalityScoreRepository implements PanacheRepositoryBase<MunicipalityScore, MunicipalityScore.Key> {

    private static final String WITH_GOALS = "select distinct s from MunicipalityScore s left join fetch s.goals ";

    /**
     * Stores the score as the municipality's current one for its year unless the stored one is newer, ordered by
     * (submission version, rules version, computed-at). One statement, so two writers of the same municipality and
     * year are serialised by the row lock and the newer score wins whatever the order they commit in.
     *
     * @return whether the score is now the current one (inserted or replacing an older one)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean storeIfCurrent(ScoreComputed score, String region, int sizeClass, String eventId) {
        int written = getEntityManager().createNativeQuery("""
                        INSERT INTO municipality_score AS s (municipality, year, region, size_class, submission_id,
                            submission_version, rules_version, total, band, goals_answered, computed_at, event_id,
                            revision, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 1, now())
                        ON CONFLICT (municipality, year) DO UPDATE SET
                            region = excluded.region, size_class = excluded.size_class,
                            submission_id = excluded.submission_id, submission_version = excluded.submission_version,
                            rules_version = excluded.rules_version, total = excluded.total, band = excluded.band,
                            goals_answered = excluded.goals_answered, computed_at = excluded.computed_at,
                            event_id = excluded.event_id, revision = s.revision + 1, updated_at = excluded.updated_at
                        WHERE (excluded.submission_version, excluded.rules_version, excluded.computed_at)
                           >= (s.submission_version, s.rules_version, s.computed_at)
                        """)
                .setParameter(1, score.municipality())
                .setParameter(2, score.year())
                .setParameter(3, region)
                .setParameter(4, sizeClass)
                .setParameter(5, score.submissionId())
                .setParameter(6, score.submissionVersion())
                .setParameter(7, score.rulesVersion())
                .setParameter(8, score.totalScore())
                .setParameter(9, score.band().name())
                .setParameter(10, score.goalsAnswered())
                .setParameter(11, score.computedAt())
                .setParameter(12, eventId)
                .executeUpdate();
        return written == 1;
    }

    /** Replaces the goal scores of the municipality's current score for the year. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceGoals(String municipality, int year, List<GoalScore> goals) {
        getEntityManager().createNativeQuery("DELETE FROM municipality_goal_score WHERE municipality = ?1 AND year = ?2")
                .setParameter(1, municipality).setParameter(2, year).executeUpdate();
        MultiRowInsert.insert(getEntityManager(),
                "municipality_goal_score (municipality, year, goal, borging, inhoud, bereik, total, band)",
                goals.stream().<List<Object>>map(goal -> List.of(municipality, year, goal.goal(), goal.borging(),
                        goal.inhoud(), goal.bereik(), goal.total(), goal.band().name())).toList());
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
