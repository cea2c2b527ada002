package nl.monitor.scoring.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.IndicatorRecorded;
import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.domain.indicator.AreaLevel;
import nl.monitor.domain.indicator.Period;
import nl.monitor.messaging.Events;
import nl.monitor.messaging.Outbox;
import nl.monitor.reference.Municipality;
import nl.monitor.reference.MunicipalityDivisions;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Watches the indicator figures ({@code indicator-recorded}, handed over by {@link IndicatorFigureHandler}) against
 * the coordinators' thresholds of the figure's region, and publishes {@code threshold-crossed} v2 through the outbox,
 * in the consumer's transaction, when one crosses ({@link IndicatorThresholdRule}). Per threshold, area and kind of
 * period the state is the latest period's figure: a figure of an earlier period than the one evaluated (a late
 * delivery of history), or a version not newer than the one evaluated for that period (a redelivery, an older
 * correction arriving late), changes nothing; a correction of the latest period is evaluated against the version it
 * corrects. National figures have no coordinator and are not watched. A threshold made after figures were recorded
 * evaluates the latest figure of each area and kind of period it watches at once ({@link #evaluateRecorded}).
 */
@ApplicationScoped
public class IndicatorThresholdWatch {

    private static final Logger LOG = Logger.getLogger(IndicatorThresholdWatch.class);

    private final IndicatorThresholdRepository thresholds;
    private final IndicatorThresholdStateRepository states;
    private final RecordedFigureRepository figures;
    private final Outbox outbox;
    private final Events events;

    public IndicatorThresholdWatch(IndicatorThresholdRepository thresholds, IndicatorThresholdStateRepository states,
                                   RecordedFigureRepository figures, Outbox outbox, Events events) {
        this.thresholds = thresholds;
        this.states = states;
        this.figures = figures;
        this.outbox = outbox;
        this.events = events;
    }

    /** Evaluates one figure against the thresholds that watch it, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void evaluate(String eventId, IndicatorRecorded figure) {
        Optional<Period> parsed = Period.parse(figure.period());
        if (figure.level() == AreaLevel.NATIONAL || parsed.isEmpty()) {
            return;
        }
        Period period = parsed.get();
        Optional<String> region = regionOf(figure, period.year());
        if (region.isEmpty()) {
            LOG.warnf("Figure %s: %s %s has no Veilig Thuis region in the division of %d; no threshold watches it",
                    figure.figureId(), figure.level(), figure.area(), period.year());
            return;
        }
        List<IndicatorThreshold> watching = thresholds.watching(figure.indicator(), region.get(),
                IndicatorThreshold.keyOf(figure.breakdown()));
        for (IndicatorThreshold threshold : watching) {
            evaluate(eventId, figure, period, region.get(), threshold);
        }
    }

    /**
     * Evaluates a threshold just made against the figures recorded before it: per area of its region (the region's
     * own and its municipalities' of each period's division) and kind of period, the latest period's figure, as if
     * the threshold had been watching when it arrived (the same crossing id, so the same alert).
     *
     * @return the crossings published
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int evaluateRecorded(IndicatorThreshold threshold) {
        int crossings = 0;
        for (RecordedFigure kept : figures.latest(threshold.indicator, threshold.breakdownKey)) {
            IndicatorRecorded figure = kept.figure;
            Optional<Period> period = Period.parse(figure.period());
            if (figure.level() == AreaLevel.NATIONAL || period.isEmpty()
                    || !regionOf(figure, period.get().year()).map(threshold.region::equals).orElse(false)) {
                continue;
            }
            if (evaluate(kept.eventId, figure, period.get(), threshold.region, threshold)) {
                crossings++;
            }
        }
        return crossings;
    }

    /** @return whether it crossed */
    private boolean evaluate(String eventId, IndicatorRecorded figure, Period period, String region,
                             IndicatorThreshold threshold) {
        String granularity = RecordedFigureRepository.granularityOf(period);
        Optional<IndicatorThresholdState> standing = states.of(threshold.id, figure.key(), granularity);
        if (standing.isPresent()) {
            int order = period.compareTo(Period.parse(standing.get().period).orElseThrow());
            if (order < 0 || order == 0 && figure.version() <= standing.get().figureVersion) {
                return false;
            }
        }
        IndicatorThresholdRule.Evaluation evaluation = IndicatorThresholdRule.evaluate(
                standing.map(s -> s.alerting).orElse(null), figure.value(), threshold.value, threshold.alertWhen,
                threshold.margin);
        IndicatorThresholdState state = standing.orElseGet(() -> {
            IndicatorThresholdState fresh = new IndicatorThresholdState();
            fresh.id = UUID.randomUUID();
            fresh.thresholdId = threshold.id;
            fresh.area = figure.key();
            fresh.granularity = granularity;
            return fresh;
        });
        String previousPeriod = state.period;
        java.math.BigDecimal previousValue = state.value;
        state.period = figure.period();
        state.figureVersion = figure.version();
        state.value = figure.value();
        state.alerting = evaluation.alerting();
        state.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (standing.isEmpty()) {
            states.persist(state);
        }
        evaluation.crossing().ifPresent(direction -> {
            // the same threshold and figure version always make the same crossing id
            UUID crossingId = UUID.nameUUIDFromBytes((threshold.id + "/" + figure.figureId())
                    .getBytes(StandardCharsets.UTF_8));
            ThresholdCrossed crossing = ThresholdCrossed.ofIndicator(crossingId, region, direction,
                    new ThresholdCrossed.IndicatorCrossing(threshold.id, figure.indicator(),
                            figure.indicatorSetVersion(), figure.period(), figure.level(), figure.area(),
                            figure.breakdown(), threshold.value, threshold.alertWhen, figure.value(), previousValue,
                            previousPeriod, figure.figureId(), figure.version(), eventId),
                    figure.recordedAt());
            outbox.publish(crossing.eventType(), events.create(crossing.eventType(), crossing.key(), crossing));
            LOG.infof("Indicator %s %s %s %s crossed threshold %s (%s %s) %s: %s -> %s", figure.indicator(),
                    figure.area(), figure.period(), figure.breakdown(), threshold.id, threshold.alertWhen,
                    threshold.value, direction, previousValue, figure.value());
        });
        return evaluation.crossing().isPresent();
    }

    private static Optional<String> regionOf(IndicatorRecorded figure, int year) {
        if (figure.level() == AreaLevel.REGION) {
            return MunicipalityDivisions.forYear(year).regions().contains(figure.area())
                    ? Optional.of(figure.area()) : Optional.empty();
        }
        return MunicipalityDivisions.municipalityOf(figure.area(), year).map(Municipality::region);
    }
}
