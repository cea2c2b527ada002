package nl.monitor.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import nl.monitor.notification.DeliveryAttempt;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class DeliveryAttemptRepository implements PanacheRepository<DeliveryAttempt> {

    /** Every attempt of these deliveries, in attempt order. */
    public List<DeliveryAttempt> ofDeliveries(Collection<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return List.of();
        }
        return list("deliveryId in ?1 order by deliveryId, attempt", deliveryIds);
    }
}
