package nl.monitor.scoring.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventCodec;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.PoisonEventException;
import nl.monitor.contracts.ScoreComputed;
import nl.monitor.contracts.SurveySubmitted;
import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.contracts.ThresholdCrossed.Threshold;
import nl.monitor.domain.assessment.Assessment;
import nl.monitor.domain.assessment.AssessmentValidator;
import nl.monitor.domain.assessment.Violation;
import nl.monitor.domain.questionnaire.Questionnaires;
import nl.monitor.domain.scoring.AssessmentScore;
import nl.monitor.domain.scoring.Band;
import nl.monitor.domain.scoring.GoalScore;
import nl.monitor.domain.scoring.Scorer;
import nl.monitor.domain.scoring.ScoringRulesCatalog;
import nl.monitor.messaging.Events;
import nl.monitor.messaging.IncomingEvents;
import nl.monitor.messaging.Outbox;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivision;
import nl.monitor.scoring.Score;
import nl.monitor.scoring.config.ThresholdConfig;
import nl.monitor.scoring.repository.ScoreRepository;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Scores submitted assessments with the latest rules, keeps every score, and publishes {@code score-computed} and,
 * when the municipality's total moved across a threshold, {@code threshold-crossed} — all in one transaction.
 */
@ApplicationScoped
public class ScoringService {

    private static final Logger LOG = Logger.getLogger(ScoringService.class);

    private final IncomingEvents incoming;
    private final ScoreRepository scores;
    private final Outbox outbox;
    private final Events events;
    private final Thresholds thresholds;
    private final ObjectMapper json;
    private final Scorer scorer = Scorer.latest();
    private final MunicipalityDivision municipalities = MunicipalityDivision.shipped();

    public ScoringService(IncomingEvents incoming, ScoreRepository scores, Outbox outbox, Events events,
                          ThresholdConfig thresholds, EventCodec codec) {
        this.incoming = incoming;
        this.scores = scores;
        this.outbox = outbox;
        this.events = events;
        this.thresholds = Thresholds.from(thresholds);
        this.json = codec.mapper();
    }

    /** Handles one {@code survey-submitted} record; a redelivered event changes nothing. */
    @Transactional
    public void handle(String record) {
        incoming.<SurveySubmitted>firstDelivery(record, EventType.SURVEY_SUBMITTED).ifPresent(this::score);
    }

    private void score(CloudEvent<SurveySubmitted> event) {
        SurveySubmitted submitted = event.data();
        Municipality municipality = municipalities.municipality(submitted.municipality()).orElseThrow(
                () -> new PoisonEventException("unknown municipality " + submitted.municipality()));
        Assessment assessment = checked(submitted);
        AssessmentScore result = scorer.score(assessment);
        Optional<Score> standing = scores.standing(submitted.municipality(), submitted.year());

        Score score = store(submitted, result);
        CloudEvent<ScoreComputed> computed = events.create(EventType.SCORE_COMPUTED, submitted.municipality(),
                new ScoreComputed(submitted.submissionId(), submitted.municipality(), submitted.year(),
                        submitted.version(), result.rulesVersion(), result.goals(), result.total(),
                        result.goalsAnswered(), result.band(), score.computedAt));
        score.eventId = computed.id();
        outbox.publish(EventType.SCORE_COMPUTED, computed);

        Thresholds.Outcome outcome = thresholds.evaluate(
                standing.map(s -> s.belowThresholds).map(this::readKeys).orElse(null),
                standing.map(s -> Thresholds.values(s.total, goalTotals(goals(s))))
                        .orElse(threshold -> null),
                Thresholds.values(result.total(), goalTotals(result.goals())));
        score.belowThresholds = write(outcome.below());
        for (Thresholds.Crossing crossing : outcome.crossings()) {
            publishCrossing(crossing, municipality, submitted, standing, result, score, computed.id());
        }
        LOG.infof("Scored submission %s (%s %d v%d): %.2f %s over %d goal(s)", submitted.submissionId(),
                submitted.municipality(), submitted.year(), submitted.version(), result.total(), result.band(),
                result.goalsAnswered());
    }

    private void publishCrossing(Thresholds.Crossing crossing, Municipality municipality, SurveySubmitted submitted,
                                 Optional<Score> standing, AssessmentScore result, Score score, String scoreEventId) {
        Threshold threshold = crossing.threshold();
        Double previous;
        Band previousBand;
        double now;
        Band newBand;
        if (threshold.scope() == Threshold.Scope.TOTAL) {
            previous = standing.map(s -> s.total).orElse(null);
            previousBand = standing.map(s -> s.band).orElse(null);
            now = result.total();
            newBand = result.band();
        } else {
            Optional<GoalScore> before = standing.flatMap(s -> goal(goals(s), threshold.goal()));
            GoalScore after = goal(result.goals(), threshold.goal()).orElseThrow();
            previous = before.map(GoalScore::total).orElse(null);
            previousBand = before.map(GoalScore::band).orElse(null);
            now = after.total();
            newBand = after.band();
        }
        outbox.publish(EventType.THRESHOLD_CROSSED, events.create(EventType.THRESHOLD_CROSSED,
                submitted.municipality(), new ThresholdCrossed(UUID.randomUUID(), submitted.municipality(),
                        municipality.region(), submitted.year(), threshold, crossing.direction(), previous, now,
                        previousBand, newBand, scoreEventId, submitted.submissionId(), score.computedAt)));
        LOG.infof("%s %d crossed %s %s: %s -> %.2f", submitted.municipality(), submitted.year(),
                crossing.direction(), Thresholds.key(threshold), previous, now);
    }

    private static Optional<GoalScore> goal(List<GoalScore> goals, int number) {
        return goals.stream().filter(g -> g.goal() == number).findFirst();
    }

    private static Map<Integer, Double> goalTotals(List<GoalScore> goals) {
        return goals.stream().collect(Collectors.toMap(GoalScore::goal, GoalScore::total));
    }

    private Set<String> readKeys(String json) {
        try {
            return new LinkedHashSet<>(this.json.readValue(json, new TypeReference<List<String>>() {
            }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored threshold state cannot be read: " + json, e);
        }
    }

    /** An event that passed its schema but not the questionnaire's rules can never be scored: poison. */
    private static Assessment checked(SurveySubmitted submitted) {
        if (!Questionnaires.exists(submitted.questionnaireVersion())
                || submitted.questionnaireVersion() != ScoringRulesCatalog.latest().questionnaireVersion()) {
            throw new PoisonEventException("no scoring rules for questionnaire version "
                    + submitted.questionnaireVersion());
        }
        Assessment assessment = submitted.toAssessment();
        List<Violation> violations = new AssessmentValidator(Questionnaires.version(submitted.questionnaireVersion()))
                .validate(assessment);
        if (!violations.isEmpty()) {
            throw new PoisonEventException("submission " + submitted.submissionId() + " fails validation: "
                    + violations.stream().limit(5).map(Violation::toString).collect(Collectors.joining("; ")));
        }
        return assessment;
    }

    private Score store(SurveySubmitted submitted, AssessmentScore result) {
        Score score = new Score();
        score.id = UUID.randomUUID();
        score.submissionId = submitted.submissionId();
        score.municipality = submitted.municipality();
        score.year = submitted.year();
        score.submissionVersion = submitted.version();
        score.rulesVersion = result.rulesVersion();
        score.total = result.total();
        score.band = result.band();
        score.goalsAnswered = result.goalsAnswered();
        score.goals = write(result.goals());
        score.eventId = "";
        score.computedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        scores.persist(score);
        return score;
    }

    public List<GoalScore> goals(Score score) {
        try {
            return json.readValue(score.goals, new TypeReference<List<GoalScore>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored goal scores of " + score.id + " cannot be read", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
