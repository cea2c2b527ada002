package nl.monitor.scoring.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.CloudEvent;
import nl.monitor.contracts.EventType;
import nl.monitor.contracts.IndicatorRecorded;
import nl.monitor.domain.indicator.AreaLevel;
import nl.monitor.domain.indicator.Period;
import nl.monitor.messaging.consume.EventHandler;
import nl.monitor.messaging.consume.Outcome;
import nl.monitor.scoring.plan.TargetWatch;

import java.util.Optional;

/**
 * Consumes {@code indicator-recorded}, in the batch's transaction: keeps the figure (the highest version per
 * indicator, area, breakdown and period, {@link RecordedFigureRepository}), evaluates it against the coordinators'
 * thresholds ({@link IndicatorThresholdWatch}), and, when it is a municipality's yearly figure newer than the one
 * kept, against the municipality's own targets ({@link TargetWatch}). National figures are neither watched nor kept.
 */
@ApplicationScoped
public class IndicatorFigureHandler implements EventHandler<IndicatorRecorded> {

    private final RecordedFigureRepository figures;
    private final IndicatorThresholdWatch thresholds;
    private final TargetWatch targets;

    public IndicatorFigureHandler(RecordedFigureRepository figures, IndicatorThresholdWatch thresholds,
                                  TargetWatch targets) {
        this.figures = figures;
        this.thresholds = thresholds;
        this.targets = targets;
    }

    @Override
    public EventType type() {
        return EventType.INDICATOR_RECORDED;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome handle(CloudEvent<IndicatorRecorded> event) {
        IndicatorRecorded figure = event.data();
        Optional<Period> period = Period.parse(figure.period());
        if (figure.level() == AreaLevel.NATIONAL || period.isEmpty()) {
            return Outcome.APPLIED;
        }
        boolean newest = figures.keep(figure, period.get(), event.id());
        thresholds.evaluate(event.id(), figure);
        if (newest && figure.level() == AreaLevel.MUNICIPALITY && period.get().isYear()) {
            targets.figureRecorded(event.id(), figure);
        }
        return Outcome.APPLIED;
    }
}
