package nl.monitor.notification.service;

import nl.monitor.notification.Channel;
import nl.monitor.notification.Subscription;

import java.util.UUID;

/**
 * One attempt to bring a delivery to its subscription: where to (a snapshot of the subscription's channel and
 * address, taken when the delivery was claimed) and the fixed payload.
 */
public record DeliveryCall(UUID deliveryId, int attempt, UUID subscriptionId, Channel channel, String url,
                           String secret, String email, String payload) {

    static DeliveryCall of(UUID deliveryId, int attempt, Subscription to, String payload) {
        return new DeliveryCall(deliveryId, attempt, to.id, to.channel, to.url, to.secret, to.email, payload);
    }
}
