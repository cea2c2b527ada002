package nl.monitor.scoring.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.IndicatorRecorded;
import nl.monitor.contracts.MunicipalPlanPublished;
import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.contracts.ThresholdCrossed.TargetKind;
import nl.monitor.contracts.ThresholdCrossed.TargetStatus;
import nl.monitor.domain.scoring.GoalScore;
import nl.monitor.messaging.Events;
import nl.monitor.messaging.Outbox;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivisions;
import nl.monitor.scoring.Score;
import nl.monitor.scoring.Submission;
import nl.monitor.scoring.indicator.IndicatorThreshold;
import nl.monitor.scoring.indicator.RecordedFigureRepository;
import nl.monitor.scoring.repository.ScoreRepository;
import nl.monitor.scoring.repository.SubmissionRepository;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Holds each municipality's results against the targets of its own plan ({@code municipal-plan-published}) and
 * publishes {@code threshold-crossed} v3 through the outbox, in the transaction of the event that made the result
 * known, when a target is missed in its year, and again when it is met after all or taken out of the plan
 * ({@link TargetRule}). A result is known when the target's year has one: a goal's score in the municipality's current
 * score of that wave (this service's own scores; an unanswered goal keeps its state), a municipal indicator's figure
 * of that year with the target's breakdown (the highest version, {@link RecordedFigureRepository}). It is evaluated
 * when the plan arrives (the highest version per municipality is kept; its targets against the results known so far)
 * and when a score or a figure arrives for a target's year. The state is in the database ({@link TargetState}), so a
 * redelivery or a restart raises nothing twice. Each of the three holds the municipality's targets first
 * ({@link PublishedPlanRepository#holdTargetsOf}): a plan and a result arriving at once on two instances are held
 * against each other in one order (two batches taking two municipalities in opposite orders deadlock; PostgreSQL
 * aborts one, and the consumer retries it as any transient fault).
 */
@ApplicationScoped
public class TargetWatch {

    private static final Logger LOG = Logger.getLogger(TargetWatch.class);

    private final PublishedPlanRepository plans;
    private final TargetStateRepository states;
    private final ScoreRepository scores;
    private final SubmissionRepository submissions;
    private final RecordedFigureRepository figures;
    private final Outbox outbox;
    private final Events events;

    public TargetWatch(PublishedPlanRepository plans, TargetStateRepository states, ScoreRepository scores,
                       SubmissionRepository submissions, RecordedFigureRepository figures, Outbox outbox,
                       Events events) {
        this.plans = plans;
        this.states = states;
        this.scores = scores;
        this.submissions = submissions;
        this.figures = figures;
        this.outbox = outbox;
        this.events = events;
    }

    /** The result a target is held against, and where it came from. */
    private record Result(BigDecimal value, UUID submissionId, Integer questionnaireVersion, UUID figureId,
                          Integer figureVersion) {
    }

    /**
     * Keeps a plan newer than the one kept and evaluates its targets against the results known; a missed target the
     * new plan no longer has is resolved as {@link TargetStatus#WITHDRAWN}.
     *
     * @return false when a version as high was kept already (nothing changed)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean planPublished(String eventId, MunicipalPlanPublished published) {
        plans.holdTargetsOf(published.municipality());
        Optional<PublishedPlan> kept = plans.findByIdOptional(published.municipality());
        if (kept.isPresent() && kept.get().version >= published.version()) {
            LOG.infof("Plan v%d of %s arrived after v%d; kept v%d", published.version(), published.municipality(),
                    kept.get().version, kept.get().version);
            return false;
        }
        List<PlanTarget> before = kept.map(p -> PlanTarget.of(p.plan)).orElse(List.of());
        PublishedPlan plan = kept.orElseGet(() -> {
            PublishedPlan fresh = new PublishedPlan();
            fresh.municipality = published.municipality();
            return fresh;
        });
        plan.planId = published.planId();
        plan.version = published.version();
        plan.plan = published;
        plan.eventId = eventId;
        plan.receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (kept.isEmpty()) {
            plans.persist(plan);
        }
        List<PlanTarget> targets = PlanTarget.of(published);
        Map<String, PlanTarget> now = new HashMap<>();
        for (PlanTarget target : targets) {
            now.put(target.series() + "@" + target.year(), target);
            resultOf(published.municipality(), target).ifPresent(result ->
                    evaluate(published, target, result, eventId, published.publishedAt()));
        }
        for (TargetState state : states.ofMunicipality(published.municipality())) {
            if (now.containsKey(state.series + "@" + state.year)) {
                continue;
            }
            if (state.missed) {
                before.stream().filter(t -> t.series().equals(state.series) && t.year() == state.year).findFirst()
                        .ifPresent(target -> publish(published, target, TargetStatus.WITHDRAWN, state.result,
                                state.result, new Result(state.result, null, null, null, null), eventId,
                                published.publishedAt()));
            }
            states.delete(state);
        }
        return true;
    }

    /** A score stored: when it is the municipality's current score of its year, its goals against their targets. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void scored(Score score, int questionnaireVersion) {
        plans.holdTargetsOf(score.municipality);
        Optional<PublishedPlan> plan = plans.findByIdOptional(score.municipality);
        if (plan.isEmpty() || !scores.current(score.municipality, score.year).map(s -> s.id.equals(score.id))
                .orElse(false)) {
            return;
        }
        for (PlanTarget target : PlanTarget.of(plan.get().plan)) {
            if (target.kind() != TargetKind.GOAL || target.year() != score.year) {
                continue;
            }
            goalScore(score, target.goal()).ifPresent(goal -> evaluate(plan.get().plan, target,
                    new Result(goal, score.submissionId, questionnaireVersion, null, null), score.eventId,
                    score.computedAt));
        }
    }

    /** A municipality's yearly figure newer than the one kept: against its targets of that indicator and breakdown. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void figureRecorded(String eventId, IndicatorRecorded figure) {
        plans.holdTargetsOf(figure.area());
        Optional<PublishedPlan> plan = plans.findByIdOptional(figure.area());
        if (plan.isEmpty()) {
            return;
        }
        String breakdownKey = IndicatorThreshold.keyOf(figure.breakdown());
        for (PlanTarget target : PlanTarget.of(plan.get().plan)) {
            if (target.kind() == TargetKind.INDICATOR && target.indicator().equals(figure.indicator())
                    && target.breakdownKey().equals(breakdownKey)
                    && Integer.toString(target.year()).equals(figure.period())) {
                evaluate(plan.get().plan, target, new Result(figure.value(), null, null, figure.figureId(),
                        figure.version()), eventId, figure.recordedAt());
            }
        }
    }

    private Optional<Result> resultOf(String municipality, PlanTarget target) {
        if (target.kind() == TargetKind.GOAL) {
            return scores.current(municipality, target.year()).flatMap(score -> goalScore(score, target.goal())
                    .map(goal -> new Result(goal, score.submissionId, questionnaireOf(score), null, null)));
        }
        return figures.of(target.indicator(), municipality, target.breakdownKey(), Integer.toString(target.year()))
                .map(kept -> kept.figure).map(f -> new Result(f.value(), null, null, f.figureId(), f.version()));
    }

    private Integer questionnaireOf(Score score) {
        Submission submission = submissions.findById(score.submissionId);
        return submission == null ? null : submission.questionnaireVersion;
    }

    private static Optional<BigDecimal> goalScore(Score score, int goal) {
        return score.goals.stream().filter(g -> g.goal() == goal).findFirst().map(GoalScore::total)
                .map(BigDecimal::valueOf);
    }

    private void evaluate(MunicipalPlanPublished plan, PlanTarget target, Result result, String eventId,
                          Instant occurredAt) {
        Optional<TargetState> standing = states.of(plan.municipality(), target.series(), target.year());
        TargetRule.Evaluation evaluation = TargetRule.evaluate(standing.map(s -> s.missed).orElse(null),
                target.year(), result.value().doubleValue(), target.seriesTargets(), target.better());
        TargetState state = standing.orElseGet(() -> {
            TargetState fresh = new TargetState();
            fresh.id = UUID.randomUUID();
            fresh.municipality = plan.municipality();
            fresh.series = target.series();
            fresh.year = target.year();
            return fresh;
        });
        BigDecimal previous = state.result;
        state.target = target.value();
        state.result = result.value();
        state.missed = evaluation.missed();
        state.planVersion = plan.version();
        state.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (standing.isEmpty()) {
            states.persist(state);
        }
        evaluation.crossing().ifPresent(status -> publish(plan, target, status, result.value(), previous, result,
                eventId, occurredAt));
    }

    private void publish(MunicipalPlanPublished plan, PlanTarget target, TargetStatus status, BigDecimal value,
                         BigDecimal previous, Result result, String eventId, Instant occurredAt) {
        Optional<String> region = MunicipalityDivisions.municipalityOf(plan.municipality(), target.year())
                .map(Municipality::region);
        if (region.isEmpty()) {
            LOG.warnf("%s is no municipality of the division of %d: its target %s %d (%s) alerts no region",
                    plan.municipality(), target.year(), target.series(), target.year(), status);
            return;
        }
        // the same target, standing and cause always make the same crossing id
        UUID crossingId = UUID.nameUUIDFromBytes(("target/" + plan.municipality() + "/" + target.series() + "/"
                + target.year() + "/" + status + "/" + eventId).getBytes(StandardCharsets.UTF_8));
        boolean goal = target.kind() == TargetKind.GOAL;
        ThresholdCrossed crossing = ThresholdCrossed.ofTarget(crossingId, plan.municipality(), region.get(),
                goal ? result.questionnaireVersion() : null,
                new ThresholdCrossed.TargetCrossing(target.kind(), target.goal(), goal ? null : target.indicator(),
                        goal ? null : target.indicatorSetVersion(), target.breakdown(), target.year(), target.value(),
                        target.better(), value, previous, status, plan.planId(), plan.version(),
                        result.submissionId(), result.figureId(), result.figureVersion(), eventId),
                occurredAt.truncatedTo(ChronoUnit.MICROS));
        outbox.publish(crossing.eventType(), events.create(crossing.eventType(), crossing.key(), crossing));
        LOG.infof("%s target %s %d (%s %s): %s, result %s (was %s)", plan.municipality(), target.series(),
                target.year(), target.better(), target.value(), status, value, previous);
    }
}
