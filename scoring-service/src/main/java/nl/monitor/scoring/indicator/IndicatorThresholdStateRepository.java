package nl.monitor.scoring.indicator;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class IndicatorThresholdStateRepository implements PanacheRepositoryBase<IndicatorThresholdState, UUID> {

    public Optional<IndicatorThresholdState> of(UUID thresholdId, String area, String granularity) {
        return find("thresholdId = ?1 and area = ?2 and granularity = ?3", thresholdId, area, granularity)
                .firstResultOptional();
    }
}
