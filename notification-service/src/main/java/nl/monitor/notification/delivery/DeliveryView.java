package nl.monitor.notification.delivery;

import nl.monitor.notification.Delivery;
import nl.monitor.notification.DeliveryAttempt;
import nl.monitor.notification.DeliveryStatus;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One delivery with every attempt made.
 *
 * @param id            the {@code webhook-id} the receiver saw
 * @param nextAttemptAt when a PENDING delivery is tried next
 */
public record DeliveryView(UUID id, UUID alertId, UUID subscriptionId, DeliveryStatus status, int attemptsMade,
                           Instant nextAttemptAt, Instant createdAt, Instant completedAt, List<Attempt> attempts) {

    /**
     * One attempt.
     *
     * @param httpStatus the receiver's answer; null when none came (connection refused, timeout)
     * @param error      why it did not count as delivered
     */
    public record Attempt(int attempt, Instant at, Integer httpStatus, String error, long latencyMs) {

        static Attempt of(DeliveryAttempt a) {
            return new Attempt(a.attempt, a.attemptedAt, a.httpStatus, a.error, a.latencyMs);
        }
    }

    static DeliveryView of(Delivery d, List<DeliveryAttempt> attempts) {
        return new DeliveryView(d.id, d.alertId, d.subscriptionId, d.status, d.attempts,
                d.status == DeliveryStatus.PENDING ? d.nextAttemptAt : null, d.createdAt, d.completedAt,
                attempts.stream().map(Attempt::of).toList());
    }
}
