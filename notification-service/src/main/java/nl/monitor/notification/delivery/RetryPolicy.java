package nl.monitor.notification.delivery;

import nl.monitor.notification.config.DeliveryConfig;

import java.time.Duration;

/**
 * When a failed delivery is tried again: after {@code initialBackoff}, then each wait {@code factor} times the
 * previous one, at most {@code maxBackoff}; no attempt after the {@code maxAttempts}-th.
 */
public record RetryPolicy(Duration initialBackoff, double factor, Duration maxBackoff, int maxAttempts) {

    public RetryPolicy {
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("Backoff durations cannot be negative");
        }
        if (factor < 1) {
            throw new IllegalArgumentException("The backoff factor must be at least 1, not " + factor);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("At least one attempt is needed, not " + maxAttempts);
        }
    }

    public static RetryPolicy of(DeliveryConfig config) {
        return new RetryPolicy(config.initialBackoff(), config.backoffFactor(), config.maxBackoff(),
                config.maxAttempts());
    }

    /** Whether no attempt may follow once {@code attemptsMade} attempts failed. */
    public boolean exhausted(int attemptsMade) {
        return attemptsMade >= maxAttempts;
    }

    /** The wait after the {@code failedAttempt}-th attempt (1 for the first) before the next one. */
    public Duration backoffAfter(int failedAttempt) {
        double millis = initialBackoff.toMillis() * Math.pow(factor, Math.max(0, failedAttempt - 1));
        return millis >= maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(Math.round(millis));
    }
}
