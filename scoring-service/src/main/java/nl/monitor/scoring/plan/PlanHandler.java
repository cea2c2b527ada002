package nl.monitor.scoring.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.MunicipalPlanPublished;
import nl.monitor.messaging.consume.EventHandler;
import nl.monitor.messaging.consume.Outcome;

/**
 * Consumes {@code municipal-plan-published} in the batch's transaction: the highest version per municipality is kept
 * and its targets evaluated ({@link TargetWatch#planPublished}); a version as high as the one kept (a redelivery, an
 * older plan arriving late) changes nothing.
 */
@ApplicationScoped
public class PlanHandler implements EventHandler<MunicipalPlanPublished> {

    private final TargetWatch targets;

    public PlanHandler(TargetWatch targets) {
        this.targets = targets;
    }

    @Override
    public EventType type() {
        return EventType.MUNICIPAL_PLAN_PUBLISHED;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome handle(CloudEvent<MunicipalPlanPublished> event) {
        return targets.planPublished(event.id(), event.data()) ? Outcome.APPLIED : Outcome.SUPERSEDED;
    }
}
