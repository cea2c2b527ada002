package nl.monitor.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.PoisonEventException;
import nl.monitor.domain.questionnaire.Questionnaires;
import nl.monitor.domain.scoring.ScoringRulesCatalog;
import nl.monitor.contracts.ScoreComputed;
import nl.monitor.domain.scoring.GoalScore;
import nl.monitor.messaging.consume.EventHandler;
import nl.monitor.messaging.consume.Outcome;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivisions;
import nl.monitor.reporting.MunicipalityYear;
import nl.monitor.reporting.repository.MunicipalityScoreRepository;
import nl.monitor.reporting.repository.MunicipalityScoreRepository.CurrentScore;
import org.jboss.logging.Logger;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Projects {@code score-computed} events onto the read model: each municipality's current score per year. Used by
 * the live consumer and by the rebuild alike.
 */
@ApplicationScoped
public class ScoreProjection implements ReplayableProjection<ScoreComputed> {

    private static final VersionPeek PEEK = new VersionPeek("submissionVersion", "rulesVersion", "computedAt");
    private static final Logger LOG = Logger.getLogger(ScoreProjection.class);

    private final MunicipalityScoreRepository scores;

    public ScoreProjection(MunicipalityScoreRepository scores) {
        this.scores = scores;
    }

    @Override
    public EventType type() {
        return EventType.SCORE_COMPUTED;
    }

    /** Projects one event, inside the transaction of its batch (see {@link EventHandler}). */
    @Override
    // Poison does not doom the transaction: the batch runs again without the record.
    @Transactional(value = Transactional.TxType.MANDATORY, dontRollbackOn = PoisonEventException.class)
    public Outcome handle(CloudEvent<ScoreComputed> event) {
        ScoreComputed score = event.data();
        Municipality municipality = place(score);
        if (scores.storeIfCurrent(List.of(current(event, municipality, 1))).isEmpty()) {
            LOG.debugf("Ignored score of submission %s (%s %d v%d, rules v%d): a newer score is current",
                    score.submissionId(), score.municipality(), score.year(), score.submissionVersion(),
                    score.rulesVersion());
            return Outcome.SUPERSEDED;
        }
        LOG.debugf("Current score of %s %d is now submission %s v%d (rules v%d): %.2f %s over %d goal(s)",
                score.municipality(), score.year(), score.submissionId(), score.submissionVersion(),
                score.rulesVersion(), score.totalScore(), score.band(), score.goalsAnswered());
        return Outcome.APPLIED;
    }

    @Override
    public Municipality place(ScoreComputed score) {
        // The year's division first (a year under its own names, regions, size classes), a current code for events
        // stored before the rule of issue 26; an earlier year's score folds into its successors' trends.
        Municipality municipality = MunicipalityDivisions.municipalityOf(score.municipality(), score.year())
                .orElseThrow(() -> new PoisonEventException(MunicipalityDivisions.unknown(score.municipality(),
                        score.year())));
        requireDistinctGoals(score);
        return municipality;
    }

    @Override
    public MunicipalityYear key(ScoreComputed score) {
        return new MunicipalityYear(score.municipality(), score.year());
    }

    @Override
    public VersionRank rank(ScoreComputed score) {
        return new VersionRank(score.submissionVersion(), score.rulesVersion(), score.computedAt());
    }

    @Override
    public VersionPeek versionPeek() {
        return PEEK;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void store(List<Newest<ScoreComputed>> newest) {
        scores.storeIfCurrent(newest.stream().map(n -> current(n.event(), n.municipality(), n.versions())).toList());
    }

    private static CurrentScore current(CloudEvent<ScoreComputed> event, Municipality municipality, int versions) {
        return new CurrentScore(event.data(), municipality.region(), municipality.sizeClass().number(), event.id(),
                versions);
    }

    private static void requireDistinctGoals(ScoreComputed score) {
        Set<Integer> seen = new HashSet<>();
        for (GoalScore goal : score.goals()) {
            if (!seen.add(goal.goal())) {
                throw new PoisonEventException("score of submission " + score.submissionId() + " lists goal "
                        + goal.goal() + " twice");
            }
            // Rules this build does not know (a newer scoring-service) are trusted; known ones name their goals.
            if (ScoringRulesCatalog.exists(score.rulesVersion())) {
                int questionnaire = ScoringRulesCatalog.version(score.rulesVersion()).questionnaireVersion();
                if (Questionnaires.version(questionnaire).goal(goal.goal()).isEmpty()) {
                    throw new PoisonEventException("score of submission " + score.submissionId() + " (rules v"
                            + score.rulesVersion() + ") lists goal " + goal.goal() + ", which questionnaire v"
                            + questionnaire + " does not have");
                }
            }
        }
    }
}
