package nl.monitor.reporting.indicator;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.contracts.IndicatorRecorded;
import nl.monitor.domain.indicator.AreaLevel;
import jakarta.persistence.metamodel.Type;
import org.hibernate.Session;

import java.util.List;
import java.util.Map;

/** The table {@code indicator_figure} (V30): the current figures, kept by {@link IndicatorProjection}. */
@ApplicationScoped
public class StoredFigures implements PanacheRepositoryBase<StoredFigure, StoredFigure.Key> {

    /**
     * Keeps the figure unless a version as high or higher is stored (a redelivery, or an older correction arriving
     * late), so replaying the topic in any order of versions leaves the highest.
     *
     * @return whether the stored figure changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean keep(IndicatorRecorded figure) {
        return getEntityManager().unwrap(Session.class).createMutationQuery("""
                        insert into StoredFigure (key.indicator, key.period, key.level, key.area, key.breakdownKey,
                            breakdown, value, version, figureId, recordedAt)
                        values (:indicator, :period, :level, :area, :breakdownKey, :breakdown, :value, :version,
                            :figureId, :recordedAt)
                        on conflict (key) do update set breakdown = excluded.breakdown, value = excluded.value,
                            version = excluded.version, figureId = excluded.figureId, recordedAt = excluded.recordedAt
                        where excluded.version > version
                        """)
                .setParameter("indicator", figure.indicator())
                .setParameter("period", figure.period())
                .setParameter("level", figure.level())
                .setParameter("area", figure.area())
                .setParameter("breakdownKey", breakdownKey(figure))
                .setParameter("breakdown", figure.breakdown(), breakdownType())
                .setParameter("value", figure.value())
                .setParameter("version", figure.version())
                .setParameter("figureId", figure.figureId())
                .setParameter("recordedAt", figure.recordedAt())
                .executeUpdate() == 1;
    }

    /** The mapped type of the JSON breakdown, which the insert's parameter must take. */
    @SuppressWarnings("unchecked")
    private Type<Map<String, String>> breakdownType() {
        return (Type<Map<String, String>>) getEntityManager().getMetamodel().entity(StoredFigure.class)
                .getSingularAttribute("breakdown").getType();
    }

    /** The figures of an indicator with this breakdown for the areas of a level (every area of it when null). */
    public List<StoredFigure> of(String indicator, String breakdownKey, AreaLevel level, List<String> areas) {
        return areas == null
                ? list("key.indicator = ?1 and key.breakdownKey = ?2 and key.level = ?3", indicator, breakdownKey, level)
                : list("key.indicator = ?1 and key.breakdownKey = ?2 and key.level = ?3 and key.area in ?4", indicator,
                breakdownKey, level, areas);
    }

    /** The key of a breakdown as the survey-service stores it: {@code dimension=value;…}, sorted, '' for the total. */
    static String breakdownKey(IndicatorRecorded figure) {
        return new nl.monitor.domain.indicator.IndicatorFigure(figure.indicator(), figure.period(), figure.level(),
                figure.area(), figure.breakdown(), figure.value()).breakdownKey();
    }
}
