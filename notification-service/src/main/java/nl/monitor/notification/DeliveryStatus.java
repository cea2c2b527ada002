package nl.monitor.notification;

/** Where a delivery stands: waiting for its (next) attempt, or done one way or the other. */
public enum DeliveryStatus {
    /** Due at {@code nextAttemptAt}; retried with backoff until the maximum number of attempts. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Every attempt failed; the attempts show why. */
    FAILED,
    /** The subscription was deleted before the delivery completed. */
    CANCELLED
}
