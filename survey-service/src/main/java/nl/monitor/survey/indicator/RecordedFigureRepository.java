package nl.monitor.survey.indicator;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.domain.indicator.AreaLevel;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class RecordedFigureRepository implements PanacheRepositoryBase<RecordedFigure, UUID> {

    /** The current (highest) version of one figure, if any was recorded. */
    public Optional<RecordedFigure> current(String indicator, String period, AreaLevel level, String area,
                                            String breakdownKey) {
        return find("indicator = ?1 and period = ?2 and level = ?3 and area = ?4 and breakdownKey = ?5"
                + " order by version desc", indicator, period, level, area, breakdownKey).firstResultOptional();
    }

    /**
     * Serialises recordings of one figure until the transaction ends, so a correction and a concurrent recording get
     * consecutive versions instead of colliding.
     */
    public void lock(String indicator, String period, AreaLevel level, String area, String breakdownKey) {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, String.join("|", "indicator", indicator, period, level.name(), area, breakdownKey))
                .getSingleResult();
    }

    /**
     * The current figures of the areas given (every area when null), optionally of one indicator and period, by
     * indicator, period and area.
     */
    public List<RecordedFigure> currentOf(AreaLevel level, List<String> areas, String indicator, String period) {
        StringBuilder where = new StringBuilder("f.version = (select max(g.version) from RecordedFigure g"
                + " where g.indicator = f.indicator and g.period = f.period and g.level = f.level and g.area = f.area"
                + " and g.breakdownKey = f.breakdownKey)");
        if (level != null) {
            where.append(" and f.level = :level");
        }
        if (areas != null) {
            where.append(" and f.area in :areas");
        }
        if (indicator != null) {
            where.append(" and f.indicator = :indicator");
        }
        if (period != null) {
            where.append(" and f.period = :period");
        }
        var query = getEntityManager().createQuery("select f from RecordedFigure f where " + where
                + " order by f.indicator, f.period, f.level, f.area, f.breakdownKey", RecordedFigure.class);
        if (level != null) {
            query.setParameter("level", level);
        }
        if (areas != null) {
            query.setParameter("areas", areas);
        }
        if (indicator != null) {
            query.setParameter("indicator", indicator);
        }
        if (period != null) {
            query.setParameter("period", period);
        }
        return query.getResultList();
    }
}
