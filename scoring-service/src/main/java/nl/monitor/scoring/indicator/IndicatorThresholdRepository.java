package nl.monitor.scoring.indicator;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class IndicatorThresholdRepository implements PanacheRepositoryBase<IndicatorThreshold, UUID> {

    /** The thresholds that watch figures of this indicator and breakdown in the region. */
    public List<IndicatorThreshold> watching(String indicator, String region, String breakdownKey) {
        return list("indicator = ?1 and region = ?2 and breakdownKey = ?3 order by createdAt, id", indicator, region,
                breakdownKey);
    }

    /** A region's thresholds (null: every region's), by region, indicator and creation. */
    public List<IndicatorThreshold> ofRegion(String region) {
        return region == null ? list("order by region, indicator, createdAt, id")
                : list("region = ?1 order by indicator, createdAt, id", region);
    }

    public boolean exists(IndicatorThreshold t) {
        return count("region = ?1 and indicator = ?2 and breakdownKey = ?3 and value = ?4 and alertWhen = ?5",
                t.region, t.indicator, t.breakdownKey, t.value, t.alertWhen) > 0;
    }
}
