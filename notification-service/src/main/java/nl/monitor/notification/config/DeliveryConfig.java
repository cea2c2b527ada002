package nl.monitor.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * {@code notification.delivery.*}: how alerts reach the subscribers. A failed attempt is retried after
 * {@code initial-backoff}, then each wait is {@code backoff-factor} times the previous one (at most
 * {@code max-backoff}), until {@code max-attempts} attempts were made; the delivery is then FAILED.
 */
@ConfigMapping(prefix = "notification.delivery")
public interface DeliveryConfig {

    /** The wait after the first failed attempt. */
    @WithDefault("10s")
    Duration initialBackoff();

    /** Each further wait is this many times the previous one. */
    @WithDefault("2")
    double backoffFactor();

    /** No wait between attempts is longer than this. */
    @WithDefault("1h")
    Duration maxBackoff();

    /** Attempts in all, the first one included. */
    @WithDefault("8")
    int maxAttempts();

    /** How long one webhook call may take, from sending the request to receiving the response status. */
    @WithDefault("10s")
    Duration requestTimeout();

    @WithDefault("5s")
    Duration connectTimeout();

    /**
     * How long a claimed delivery is reserved for the instance that claimed it; if that instance dies mid-call, another
     * one retries after this. Longer than {@code connect-timeout + request-timeout}.
     */
    @WithDefault("2m")
    Duration lease();

    /** How often due deliveries are looked for (besides right after an alert is stored); at least 1s. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Deliveries claimed and sent at once. */
    @WithDefault("50")
    int batchSize();

    /**
     * How long a delivery to a live stream with no client connected to this instance waits before it is looked at
     * again; such a delivery spends no attempt: it waits, PENDING, until a client connects.
     */
    @WithDefault("5s")
    Duration streamRecheck();
}
