package nl.monitor.survey.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.core.Response;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.MunicipalPlanPublished;
import nl.monitor.domain.assessment.Violation;
import nl.monitor.domain.indicator.IndicatorFigure;
import nl.monitor.domain.indicator.Indicators;
import nl.monitor.domain.plan.MunicipalPlan;
import nl.monitor.domain.plan.PlanValidator;
import nl.monitor.domain.questionnaire.Questionnaire;
import nl.monitor.domain.questionnaire.Questionnaires;
import nl.monitor.messaging.Events;
import nl.monitor.messaging.Outbox;
import nl.monitor.messaging.audit.AuditTrail;
import nl.monitor.reference.Municipality;
import nl.monitor.rest.InvalidInputException;
import nl.monitor.survey.wave.WaveService;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A municipality's plan: its targets per goal and per municipal indicator and its actions. Each save is checked
 * ({@link PlanValidator}: a goal of the questionnaire the target's year is filled in with — its wave's, else the
 * latest —, a municipal indicator of the set, values within range, bounded actions), stored as the next version
 * when it differs from the current plan, and published as {@code municipal-plan-published} with its audit entry
 * ({@value #PUBLISHED}) in the same transaction.
 */
@ApplicationScoped
public class PlanService {

    /** The audit action of a stored plan version. */
    public static final String PUBLISHED = "municipal-plan.published";

    private final PlanRepository plans;
    private final WaveService waves;
    private final Outbox outbox;
    private final Events events;
    private final AuditTrail audit;

    public PlanService(PlanRepository plans, WaveService waves, Outbox outbox, Events events, AuditTrail audit) {
        this.plans = plans;
        this.waves = waves;
        this.outbox = outbox;
        this.events = events;
        this.audit = audit;
    }

    public PlanView view(Municipality municipality) {
        return plans.current(municipality.code()).map(p -> view(municipality, p))
                .orElseGet(() -> new PlanView(municipality.code(), municipality.name(), 0, List.of(), List.of(),
                        List.of(), null, null));
    }

    /** What a save did: the current plan, and whether this call stored it as a new version. */
    public record Saved(PlanView plan, boolean created) {
    }

    /**
     * @throws InvalidInputException 422 naming every bad field; nothing stored
     * @throws ClientErrorException  409 when the stored plan is not the version the save is based on
     */
    @Transactional
    public Saved save(Municipality municipality, PlanRequest request, String caller) {
        if (request == null) {
            throw InvalidInputException.of("body", "required", "a plan is required");
        }
        if (request.version() == null || request.version() < 0) {
            throw InvalidInputException.of("version", "required",
                    "version is the plan version this save is based on (0 for a first plan)");
        }
        MunicipalPlan plan = normalised(request.plan());
        List<Violation> violations = validator().validate(plan);
        if (!violations.isEmpty()) {
            throw InvalidInputException.fromViolations("The plan has " + violations.size() + " problem(s); nothing "
                    + "was stored", "", violations);
        }
        plans.lock(municipality.code());
        Optional<StoredPlan> current = plans.current(municipality.code());
        int stored = current.map(p -> p.version).orElse(0);
        if (stored != request.version()) {
            throw new ClientErrorException("The plan of " + municipality.code() + " was saved as version " + stored
                    + current.map(p -> " by " + p.savedBy + " at " + p.savedAt).orElse("") + " since the version "
                    + request.version() + " your page shows; reload it and apply your changes again. Nothing was "
                    + "saved.", Response.Status.CONFLICT);
        }
        if (current.isPresent() && current.get().plan.equals(plan)) {
            return new Saved(view(municipality, current.get()), false);
        }
        StoredPlan next = new StoredPlan();
        next.id = UUID.randomUUID();
        next.municipality = municipality.code();
        next.version = stored + 1;
        next.plan = plan;
        next.indicatorSetVersion = Indicators.latest().version();
        next.savedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        next.savedBy = caller;
        plans.persist(next);
        MunicipalPlanPublished event = event(next);
        outbox.publish(EventType.MUNICIPAL_PLAN_PUBLISHED,
                events.create(EventType.MUNICIPAL_PLAN_PUBLISHED, event.municipality(), event));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", next.version);
        details.put("goalTargets", plan.goalTargets().size());
        details.put("indicatorTargets", plan.indicatorTargets().size());
        details.put("actions", plan.actions().size());
        audit.record(PUBLISHED, "municipal-plan/" + municipality.code(), municipality.code(), details);
        return new Saved(view(municipality, next), true);
    }

    PlanValidator validator() {
        return new PlanValidator(this::questionnaireOf, Indicators.latest());
    }

    private Questionnaire questionnaireOf(int year) {
        return waves.find(year).map(w -> Questionnaires.version(w.questionnaireVersion()))
                .orElseGet(Questionnaires::latest);
    }

    /** Values as stored and compared: without trailing zeros (70.0 and 70 are one target); action texts trimmed. */
    private static MunicipalPlan normalised(MunicipalPlan plan) {
        return new MunicipalPlan(
                plan.goalTargets().stream().map(t -> t == null || t.score() == null ? t
                        : new MunicipalPlan.GoalTarget(t.goal(), t.year(), IndicatorFigure.plain(t.score()))).toList(),
                plan.indicatorTargets().stream().map(t -> t == null || t.value() == null ? t
                        : new MunicipalPlan.IndicatorTarget(t.indicator(), t.year(), t.breakdown(),
                        IndicatorFigure.plain(t.value()))).toList(),
                plan.actions().stream().map(a -> a == null || a.text() == null ? a
                        : new MunicipalPlan.Action(a.text().strip(), a.dueYear())).toList());
    }

    private static MunicipalPlanPublished event(StoredPlan p) {
        return new MunicipalPlanPublished(p.id, p.municipality, p.version, p.plan.goalTargets(),
                p.plan.indicatorTargets(), p.plan.actions(), p.indicatorSetVersion, p.savedAt, p.savedBy);
    }

    private static PlanView view(Municipality municipality, StoredPlan p) {
        return new PlanView(p.municipality, municipality.name(), p.version, p.plan.goalTargets(),
                p.plan.indicatorTargets(), p.plan.actions(), p.savedAt, p.savedBy);
    }
}
