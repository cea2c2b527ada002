package nl.monitor.notification.delivery;

import java.time.Instant;

/**
 * What one attempt got.
 *
 * @param httpStatus the receiver's HTTP status (webhooks only); null when no response came or on other channels
 * @param error      null when the attempt succeeded
 */
public record DeliveryOutcome(Instant at, Integer httpStatus, String error, long latencyMs) {

    public static DeliveryOutcome succeeded(Instant at, long latencyMs) {
        return new DeliveryOutcome(at, null, null, latencyMs);
    }

    public static DeliveryOutcome failed(Instant at, String error, long latencyMs) {
        return new DeliveryOutcome(at, null, error, latencyMs);
    }

    public boolean delivered() {
        return error == null && (httpStatus == null || httpStatus >= 200 && httpStatus < 300);
    }
}
