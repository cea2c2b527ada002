package nl.monitor.reporting.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.MunicipalPlanPublished;
import nl.monitor.messaging.consume.EventHandler;
import nl.monitor.messaging.consume.Outcome;

/**
 * Keeps each municipality's current plan: a {@code municipal-plan-published} event replaces the stored plan unless a
 * version as high is stored already. Not part of the read-model rebuild (plans are not derived from the scores).
 */
@ApplicationScoped
public class PlanProjection implements EventHandler<MunicipalPlanPublished> {

    private final PublishedPlans plans;

    public PlanProjection(PublishedPlans plans) {
        this.plans = plans;
    }

    @Override
    public EventType type() {
        return EventType.MUNICIPAL_PLAN_PUBLISHED;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome handle(CloudEvent<MunicipalPlanPublished> event) {
        return plans.keep(event.data()) ? Outcome.APPLIED : Outcome.DUPLICATE;
    }
}
