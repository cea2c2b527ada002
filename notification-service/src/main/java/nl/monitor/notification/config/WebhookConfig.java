package nl.monitor.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code notification.webhook.*}: where webhook calls may go, and how secrets are rotated.
 */
@ConfigMapping(prefix = "notification.webhook")
public interface WebhookConfig {

    /**
     * After a secret rotation, how long calls still carry a signature with the previous secret too (so a receiver can
     * switch to the new secret at its own moment); then only the new one.
     */
    @WithDefault("24h")
    Duration rotationOverlap();

    /** Whether a webhook URL must be https (true in production; the dev and test profiles allow http). */
    @WithDefault("true")
    boolean requireHttps();

    /**
     * Addresses a webhook may go to although they are internal (loopback, private, link-local, ...): IP addresses
     * ({@code 127.0.0.1}), CIDR ranges ({@code 10.1.0.0/16}) or host names (all the addresses the name resolves to).
     * Empty in production; the local run and the tests allow their receiver's {@code 127.0.0.1}.
     */
    Optional<List<String>> allowedHosts();

    /**
     * PEM files of the certificate authorities webhook receivers are trusted by, instead of the JVM's (for receivers
     * with certificates of a private CA; the tests' TLS receiver). Left out: the JVM's trusted CAs.
     */
    Optional<List<String>> trustCertificates();

    /**
     * The keys webhook secrets are encrypted with at rest (AES-256-GCM): {@code <id>:<base64 of 32 bytes>}, comma-
     * separated (env {@code NOTIFICATION_WEBHOOK_SECRET_KEYS}, from a Secret). Every key listed can decrypt; only
     * {@link #secretKeyId()} encrypts. No default in production: the service does not start without one.
     */
    List<String> secretKeys();

    /** The id (in {@link #secretKeys()}) of the key new and re-encrypted secrets are encrypted with. */
    String secretKeyId();
}
