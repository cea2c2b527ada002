package nl.monitor.scoring.indicator;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.contracts.IndicatorRecorded;
import nl.monitor.domain.indicator.Period;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RecordedFigureRepository implements PanacheRepositoryBase<RecordedFigure, UUID> {

    /**
     * Keeps the figure when it is the highest version of its indicator, area, breakdown and period seen so far.
     *
     * @return whether it was kept (false: a redelivery, or an older version arriving late)
     */
    public boolean keep(IndicatorRecorded figure, Period period, String eventId) {
        String breakdownKey = IndicatorThreshold.keyOf(figure.breakdown());
        Optional<RecordedFigure> kept = find("indicator = ?1 and areaKey = ?2 and breakdownKey = ?3 and period = ?4",
                figure.indicator(), figure.key(), breakdownKey, figure.period()).firstResultOptional();
        if (kept.isPresent() && kept.get().version >= figure.version()) {
            return false;
        }
        RecordedFigure row = kept.orElseGet(() -> {
            RecordedFigure fresh = new RecordedFigure();
            fresh.id = UUID.randomUUID();
            fresh.indicator = figure.indicator();
            fresh.areaKey = figure.key();
            fresh.breakdownKey = breakdownKey;
            fresh.granularity = granularityOf(period);
            fresh.period = figure.period();
            return fresh;
        });
        row.version = figure.version();
        row.eventId = eventId;
        row.figure = figure;
        row.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (kept.isEmpty()) {
            persist(row);
        }
        return true;
    }

    /** The kept figure of one area, breakdown and period. */
    public Optional<RecordedFigure> of(String indicator, String areaKey, String breakdownKey, String period) {
        return find("indicator = ?1 and areaKey = ?2 and breakdownKey = ?3 and period = ?4", indicator, areaKey,
                breakdownKey, period).firstResultOptional();
    }

    /**
     * Per area and kind of period, the figure of the latest period of this indicator and breakdown (what a threshold
     * made now would stand on, had it been watching).
     */
    public List<RecordedFigure> latest(String indicator, String breakdownKey) {
        return list("from RecordedFigure f where f.indicator = ?1 and f.breakdownKey = ?2"
                + " and f.period = (select max(g.period) from RecordedFigure g where g.indicator = f.indicator"
                + " and g.areaKey = f.areaKey and g.breakdownKey = f.breakdownKey and g.granularity = f.granularity)"
                + " order by f.areaKey, f.granularity", indicator, breakdownKey);
    }

    /** {@code YEAR} or {@code QUARTER}: thresholds keep their state per kind of period. */
    public static String granularityOf(Period period) {
        return period.isYear() ? "YEAR" : "QUARTER";
    }
}
