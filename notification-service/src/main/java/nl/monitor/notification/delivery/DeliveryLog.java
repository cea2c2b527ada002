package nl.monitor.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.notification.Delivery;
import nl.monitor.notification.DeliveryAttempt;
import nl.monitor.notification.repository.DeliveryAttemptRepository;
import nl.monitor.notification.repository.DeliveryRepository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A subscription's deliveries as its owner sees them, and what waits for it made due at once. */
@ApplicationScoped
public class DeliveryLog {

    private final DeliveryRepository deliveries;
    private final DeliveryAttemptRepository attempts;

    public DeliveryLog(DeliveryRepository deliveries, DeliveryAttemptRepository attempts) {
        this.deliveries = deliveries;
        this.attempts = attempts;
    }

    /** The subscription's deliveries, newest first, each with its attempts. */
    public List<DeliveryView> ofSubscription(UUID subscriptionId, int limit) {
        List<Delivery> found = deliveries.ofSubscription(subscriptionId, limit);
        Map<UUID, List<DeliveryAttempt>> byDelivery = attempts.ofDeliveries(found.stream().map(d -> d.id).toList())
                .stream().collect(Collectors.groupingBy(a -> a.deliveryId));
        return found.stream().map(d -> DeliveryView.of(d, byDelivery.getOrDefault(d.id, List.of()))).toList();
    }

    /**
     * What waits for the subscription is due now: a client connected to its live stream, or the coordinator asked for
     * the digest now. Returns how many deliveries.
     */
    @Transactional
    public int dueNow(UUID subscriptionId) {
        return deliveries.dueNow(subscriptionId, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }
}
