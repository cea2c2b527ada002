package nl.monitor.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.notification.Alert;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AlertRepository implements PanacheRepositoryBase<Alert, UUID> {

    public Optional<Alert> byCrossing(UUID crossingId) {
        return find("crossingId", crossingId).firstResultOptional();
    }

    /** The newest alerts matching every filter given (a null filter matches all). */
    public List<Alert> search(String region, String municipality, Integer year, int limit) {
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
        String where = conditions.isEmpty() ? "" : String.join(" and ", conditions) + " ";
        return find(where + "order by occurredAt desc, id", parameters).page(0, limit).list();
    }
}
