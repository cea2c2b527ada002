package nl.monitor.notification.delivery;

import nl.monitor.notification.Channel;
import nl.monitor.notification.Delivery;
import nl.monitor.notification.Subscription;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One attempt to bring deliveries to their subscription: where to (a snapshot of the subscription's channel and
 * address, taken when the deliveries were claimed) and what to send. One delivery, or, for a daily digest, several in
 * one message.
 *
 * @param deliveryId the id the receiver sees: the delivery's own, or the digest's (derived from those it carries)
 * @param carries    the deliveries this message brings (one, except for a digest)
 * @param secrets    a webhook's secrets in force (two during a rotation's overlap, the newest first); empty otherwise
 * @param traceparent the trace the call continues (the one that raised the alert); null for a digest or tracing off
 */
public record DeliveryCall(UUID deliveryId, List<UUID> carries, int attempt, UUID subscriptionId, Channel channel,
                           String url, List<String> secrets, String email, String payload, String traceparent) {

    static DeliveryCall of(Delivery delivery, int attempt, Subscription to) {
        return new DeliveryCall(delivery.id, List.of(delivery.id), attempt, to.id, to.channel, to.url,
                to.signingSecrets(Instant.now()), to.email, delivery.payload, delivery.traceparent);
    }

    static DeliveryCall digest(UUID digestId, List<UUID> carries, int attempt, Subscription to, String payload) {
        return new DeliveryCall(digestId, List.copyOf(carries), attempt, to.id, to.channel, to.url,
                to.signingSecrets(Instant.now()), to.email, payload, null);
    }
}
