package nl.monitor.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.contracts.ThresholdCrossed;
import nl.monitor.notification.Alert;
import nl.monitor.notification.AlertState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<Alert, UUID> {

    public Optional<Alert> byCrossing(UUID crossingId) {
        return find("crossingId", crossingId).firstResultOptional();
    }

    /** The municipality's open alert (a crossing down) on this threshold, the newest when there are several. */
    public Optional<Alert> open(String municipality, ThresholdCrossed.Threshold threshold) {
        String goal = threshold.goal() == null ? "thresholdGoal is null" : "thresholdGoal = :goal";
        Parameters parameters = Parameters.with("municipality", municipality)
                .and("scope", threshold.scope()).and("value", threshold.value()).and("open", AlertState.OPEN)
                .and("down", ThresholdCrossed.Direction.DOWN);
        if (threshold.goal() != null) {
            parameters.and("goal", threshold.goal());
        }
        return find("municipality = :municipality and thresholdScope = :scope and " + goal
                + " and thresholdValue = :value and direction = :down and state = :open order by occurredAt desc",
                parameters)
                .firstResultOptional();
    }

    /** The open alert of an indicator series ({@code IndicatorAlert.series}), the newest when there are several. */
    public Optional<Alert> openOfSeries(String series) {
        return find("indicatorSeries = ?1 and state = ?2 and type = ?3 order by occurredAt desc", series,
                AlertState.OPEN, Alert.THRESHOLD_CROSSED).firstResultOptional();
    }

    /** The open alert of a target series ({@code TargetAlert.series}), the newest when there are several. */
    public Optional<Alert> openOfTargetSeries(String series) {
        return find("targetSeries = ?1 and state = ?2 and type = ?3 order by occurredAt desc", series,
                AlertState.OPEN, Alert.THRESHOLD_CROSSED).firstResultOptional();
    }

    /** The newest alerts matching every filter given (a null filter matches all). */
    public List<Alert> search(String region, String municipality, Integer year, AlertState state, int limit) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (region != null) {
            conditions.add("region = :region");
            parameters.and("region", region);
        }
        if (municipality != null) {
            conditions.add("municipality = :municipality");
            parameters.and("municipality", municipality);
        }
        if (year != null) {
            conditions.add("year = :year");
            parameters.and("year", year);
        }
        if (state != null) {
            conditions.add("state = :state");
            parameters.and("state", state);
        }
        String where = conditions.isEmpty() ? "" : String.join(" and ", conditions) + " ";
        return find(where + "order by occurredAt desc, id", parameters).page(0, limit).list();
    }
}
