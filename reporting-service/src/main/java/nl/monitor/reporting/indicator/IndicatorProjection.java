package nl.monitor.reporting.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.IndicatorRecorded;
import nl.monitor.messaging.consume.EventHandler;
import nl.monitor.messaging.consume.Outcome;

/**
 * Keeps the current indicator figures: each {@code indicator-recorded} event is stored unless a version as high is
 * stored already. Not part of the read-model rebuild (the figures are not derived from the scores).
 */
@ApplicationScoped
public class IndicatorProjection implements EventHandler<IndicatorRecorded> {

    private final StoredFigures figures;

    public IndicatorProjection(StoredFigures figures) {
        this.figures = figures;
    }

    @Override
    public EventType type() {
        return EventType.INDICATOR_RECORDED;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome handle(CloudEvent<IndicatorRecorded> event) {
        return figures.keep(event.data()) ? Outcome.APPLIED : Outcome.DUPLICATE;
    }
}
