package nl.monitor.notification.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import nl.monitor.messaging.audit.AuditTrail;
import nl.monitor.notification.Delivery;
import nl.monitor.notification.DeliveryAttempt;
import nl.monitor.notification.DeliveryStatus;
import nl.monitor.notification.repository.DeliveryAttemptRepository;
import nl.monitor.notification.repository.DeliveryRepository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A subscription's deliveries as its owner sees them, what waits for it made due at once, and a failed delivery tried
 * again ({@value #RETRIED} in the audit trail).
 */
@ApplicationScoped
public class DeliveryLog {

    public static final String RETRIED = "delivery.retried";

    private final DeliveryRepository deliveries;
    private final DeliveryAttemptRepository attempts;
    private final AuditTrail audit;

    public DeliveryLog(DeliveryRepository deliveries, DeliveryAttemptRepository attempts, AuditTrail audit) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.audit = audit;
    }

    /** What became of a request to retry a delivery. */
    public enum Retry {
        /** PENDING and due now: one more attempt follows, then it is DELIVERED or FAILED again. */
        RETRIED,
        /** The subscription has no such delivery. */
        NOT_FOUND,
        /** The delivery did not fail (it is pending, delivered or cancelled). */
        NOT_FAILED
    }

    /**
     * Makes a FAILED delivery of the subscription PENDING and due now, with its attempts so far: the worker makes one
     * more attempt (same webhook-id and body), after which it is DELIVERED or, failing again, FAILED.
     */
    @Transactional
    public Retry retry(UUID subscriptionId, UUID deliveryId, String by) {
        Delivery delivery = deliveries.lock(deliveryId);
        if (delivery == null || !delivery.subscriptionId.equals(subscriptionId)) {
            return Retry.NOT_FOUND;
        }
        if (delivery.status != DeliveryStatus.FAILED) {
            return Retry.NOT_FAILED;
        }
        delivery.status = DeliveryStatus.PENDING;
        delivery.nextAttemptAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        delivery.completedAt = null;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("subscription", subscriptionId.toString());
        details.put("alert", delivery.alertId.toString());
        details.put("attemptsMade", delivery.attempts);
        audit.record(RETRIED, "delivery/" + deliveryId, null, details);
        return Retry.RETRIED;
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
