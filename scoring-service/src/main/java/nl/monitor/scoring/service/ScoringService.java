package nl.monitor.scoring.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.CloudEvent;
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
import nl.monitor.domain.scoring.ScoringRules;
import nl.monitor.domain.scoring.ScoringRulesCatalog;
import nl.monitor.messaging.Events;
import nl.monitor.messaging.consume.EventHandler;
import nl.monitor.messaging.consume.Outcome;
import nl.monitor.messaging.Outbox;
import nl.monitor.messaging.audit.AuditTrail;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivisions;
import nl.monitor.rest.InvalidInputException;
import nl.monitor.rest.Problem;
import nl.monitor.scoring.Score;
import nl.monitor.scoring.Submission;
import nl.monitor.scoring.config.ThresholdConfig;
import nl.monitor.scoring.repository.RulesInForceRepository;
import nl.monitor.scoring.repository.ScoreRepository;
import nl.monitor.scoring.repository.SubmissionRepository;
import nl.monitor.scoring.plan.TargetWatch;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Scores submitted assessments with the rules in force for their year (the latest shipped ones until a rescore),
 * keeps every score and the answers, and publishes {@code score-computed} and, when the municipality's total moved
 * across a threshold, {@code threshold-crossed} — all in one transaction; its goals against the municipality's own
 * targets ({@link TargetWatch}). Rescores a wave under other rules.
 */
@ApplicationScoped
public class ScoringService implements EventHandler<SurveySubmitted> {

    /** The audit action of a rescore of a wave. */
    public static final String RESCORED = "wave.rescored";

    private static final Logger LOG = Logger.getLogger(ScoringService.class);

    private final ScoreRepository scores;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final Events events;
    private final Thresholds thresholds;
    private final SubmissionRepository submissions;
    private final RulesInForceRepository rulesInForce;
    private final TargetWatch targets;
    private final Map<Integer, Scorer> scorers = new ConcurrentHashMap<>();

    public ScoringService(ScoreRepository scores, SubmissionRepository submissions,
                          RulesInForceRepository rulesInForce, Outbox outbox, Events events,
                          ThresholdConfig thresholds, AuditTrail audit, TargetWatch targets) {
        this.scores = scores;
        this.targets = targets;
        this.audit = audit;
        this.submissions = submissions;
        this.rulesInForce = rulesInForce;
        this.outbox = outbox;
        this.events = events;
        this.thresholds = Thresholds.from(thresholds);
    }

    @Override
    public EventType type() {
        return EventType.SURVEY_SUBMITTED;
    }

    /** Scores one submitted assessment, inside the transaction of its batch (see {@link EventHandler}). */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome handle(CloudEvent<SurveySubmitted> event) {
        SurveySubmitted submitted = event.data();
        Municipality municipality = municipalityOf(submitted);
        Scorer scorer = scorer(rulesInForce.shareForYear(submitted.year(), defaultRules(submitted)));
        Assessment assessment = checked(submitted, scorer);
        keep(submitted);
        scoreAndPublish(submitted, municipality, assessment, scorer);
        return Outcome.APPLIED;
    }

    private Municipality municipalityOf(SurveySubmitted submitted) {
        return MunicipalityDivisions.municipalityOf(submitted.municipality(), submitted.year()).orElseThrow(
                () -> new PoisonEventException(MunicipalityDivisions.unknown(submitted.municipality(),
                        submitted.year())));
    }

    /** The latest rules for the submission's questionnaire: in force for a year that has none yet. */
    private static int defaultRules(SurveySubmitted submitted) {
        return ScoringRulesCatalog.latestFor(submitted.questionnaireVersion()).map(ScoringRules::version)
                .orElseThrow(() -> new PoisonEventException("no scoring rules score questionnaire version "
                        + submitted.questionnaireVersion()));
    }

    private Scorer scorer(int rulesVersion) {
        return scorers.computeIfAbsent(rulesVersion, version -> new Scorer(ScoringRulesCatalog.version(version)));
    }

    private void keep(SurveySubmitted submitted) {
        Submission kept = new Submission();
        kept.submissionId = submitted.submissionId();
        kept.municipality = submitted.municipality();
        kept.year = submitted.year();
        kept.version = submitted.version();
        kept.questionnaireVersion = submitted.questionnaireVersion();
        kept.answers = submitted;
        kept.submittedAt = submitted.submittedAt().truncatedTo(ChronoUnit.MICROS);
        if (submissions.findById(kept.submissionId) == null) {
            submissions.persist(kept);
        }
    }

    /**
     * Rescores the current submission of every municipality of the year under another rules version, which from
     * then on is in force for that year (new submissions are scored under it too). Each new score is published as
     * score-computed, and a municipality whose threshold state changed crosses as usual; a submission already scored
     * under that version is left alone, so a second call changes nothing. One transaction: all or nothing.
     *
     * @throws InvalidInputException for an unknown rules version, a year without submissions, or rules for another
     *                               questionnaire version than the wave was answered with
     */
    @Transactional
    public RescoreReport rescore(Integer year, Integer rulesVersion, String by) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (year == null) {
            errors.add(new Problem.FieldError("year", "required", "the year (wave) to rescore is required"));
        }
        if (rulesVersion == null) {
            errors.add(new Problem.FieldError("rulesVersion", "required", "the rules version to rescore under is required"));
        } else if (!ScoringRulesCatalog.exists(rulesVersion)) {
            errors.add(new Problem.FieldError("rulesVersion", "unknown-rules-version",
                    "this build has no scoring rules version " + rulesVersion));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("The rescore request has " + errors.size() + " problem(s)", errors);
        }
        int before = rulesInForce.lockForYear(year);
        List<Submission> wave = submissions.currentOfYear(year);
        if (wave.isEmpty()) {
            throw InvalidInputException.of("year", "no-submissions", "no submission of " + year + " was scored");
        }
        Scorer scorer = scorer(rulesVersion);
        int questionnaire = scorer.rules().questionnaireVersion();
        if (wave.stream().anyMatch(w -> w.questionnaireVersion != questionnaire)) {
            throw InvalidInputException.of("rulesVersion", "questionnaire-mismatch", "rules version " + rulesVersion
                    + " score questionnaire version " + questionnaire + "; the wave of " + year + " was answered with "
                    + wave.stream().map(w -> Integer.toString(w.questionnaireVersion)).distinct()
                    .collect(Collectors.joining(", ")));
        }
        rulesInForce.put(year, rulesVersion, by);
        int rescored = 0;
        int unchanged = 0;
        Map<ThresholdCrossed.Direction, Integer> crossings = new EnumMap<>(ThresholdCrossed.Direction.class);
        for (Submission current : wave) {
            if (scores.scored(current.submissionId, rulesVersion)) {
                unchanged++;
                continue;
            }
            SurveySubmitted submitted = current.answers;
            for (Thresholds.Crossing crossing : scoreAndPublish(submitted, municipalityOf(submitted),
                    submitted.toAssessment(), scorer)) {
                crossings.merge(crossing.direction(), 1, Integer::sum);
            }
            rescored++;
        }
        LOG.infof("Rescored %d of the %d municipalities of %d under rules v%d (was v%d) for %s; %d unchanged, "
                + "crossings %s", rescored, wave.size(), year, rulesVersion, before, by, unchanged, crossings);
        RescoreReport report = new RescoreReport(year, rulesVersion, before, wave.size(), rescored, unchanged,
                crossings.getOrDefault(ThresholdCrossed.Direction.DOWN, 0),
                crossings.getOrDefault(ThresholdCrossed.Direction.UP, 0));
        audit.record(RESCORED, "wave/" + year, null, report.auditDetails());
        return report;
    }

    /** Scores, stores and publishes score-computed and any threshold crossings; returns the crossings. */
    private List<Thresholds.Crossing> scoreAndPublish(SurveySubmitted submitted, Municipality municipality,
                                                      Assessment assessment, Scorer scorer) {
        AssessmentScore result = scorer.score(assessment);
        Optional<Score> standing = scores.standing(submitted.municipality(), submitted.year());
        Thresholds.Outcome outcome = thresholds.evaluate(
                standing.map(s -> s.belowThresholds).<Set<String>>map(LinkedHashSet::new).orElse(null),
                standing.map(s -> Thresholds.values(s.total, goalTotals(s.goals)))
                        .orElse(threshold -> null),
                Thresholds.values(result.total(), goalTotals(result.goals())));

        Instant computedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        CloudEvent<ScoreComputed> computed = events.create(EventType.SCORE_COMPUTED, submitted.municipality(),
                new ScoreComputed(submitted.submissionId(), submitted.municipality(), submitted.year(),
                        submitted.version(), result.rulesVersion(), result.goals(), result.total(),
                        result.goalsAnswered(), result.band(), computedAt));
        Score score = store(submitted, result, computed.id(), List.copyOf(outcome.below()), computedAt);
        outbox.publish(EventType.SCORE_COMPUTED, computed);
        for (Thresholds.Crossing crossing : outcome.crossings()) {
            publishCrossing(crossing, municipality, submitted, standing, result, score, computed.id());
        }
        // the municipality's own goal targets of this wave (threshold-crossed v3), when this is its current score
        targets.scored(score, submitted.questionnaireVersion());
        LOG.debugf("Scored submission %s (%s %d v%d) under rules v%d: %.2f %s over %d goal(s)",
                submitted.submissionId(), submitted.municipality(), submitted.year(), submitted.version(),
                result.rulesVersion(), result.total(), result.band(), result.goalsAnswered());
        return outcome.crossings();
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
            Optional<GoalScore> before = standing.flatMap(s -> goal(s.goals, threshold.goal()));
            GoalScore after = goal(result.goals(), threshold.goal()).orElseThrow();
            previous = before.map(GoalScore::total).orElse(null);
            previousBand = before.map(GoalScore::band).orElse(null);
            now = after.total();
            newBand = after.band();
        }
        outbox.publish(EventType.THRESHOLD_CROSSED, events.create(EventType.THRESHOLD_CROSSED,
                submitted.municipality(), new ThresholdCrossed(UUID.randomUUID(), submitted.municipality(),
                        municipality.region(), submitted.year(), threshold, crossing.direction(), previous, now,
                        previousBand, newBand, scoreEventId, submitted.submissionId(), score.computedAt,
                        submitted.questionnaireVersion())));
        LOG.infof("%s %d crossed %s %s: %s -> %.2f", submitted.municipality(), submitted.year(),
                crossing.direction(), Thresholds.key(threshold), previous, now);
    }

    private static Optional<GoalScore> goal(List<GoalScore> goals, int number) {
        return goals.stream().filter(g -> g.goal() == number).findFirst();
    }

    private static Map<Integer, Double> goalTotals(List<GoalScore> goals) {
        return goals.stream().collect(Collectors.toMap(GoalScore::goal, GoalScore::total));
    }

    /** An event that passed its schema but not the questionnaire's rules can never be scored: poison. */
    private static Assessment checked(SurveySubmitted submitted, Scorer scorer) {
        if (!Questionnaires.exists(submitted.questionnaireVersion())
                || submitted.questionnaireVersion() != scorer.rules().questionnaireVersion()) {
            throw new PoisonEventException("no scoring rules in force for " + submitted.year()
                    + " score questionnaire version " + submitted.questionnaireVersion());
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

    private Score store(SurveySubmitted submitted, AssessmentScore result, String eventId, List<String> belowThresholds,
                        Instant computedAt) {
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
        score.goals = result.goals();
        score.eventId = eventId;
        score.belowThresholds = belowThresholds;
        score.computedAt = computedAt;
        scores.persist(score);
        return score;
    }

}
