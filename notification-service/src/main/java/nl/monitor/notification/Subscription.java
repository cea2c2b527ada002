package nl.monitor.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import nl.monitor.notification.channel.webhook.SealedSecret;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A coordinator's wish to hear about the threshold crossings of one Veilig Thuis region, by one channel. A deleted subscription keeps
 * its row ({@code deletedAt} set) so its delivery log survives; it receives nothing more.
 */
@Entity
@Table(name = "subscription")
public class Subscription {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String region;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    /** Where a WEBHOOK subscription's calls go; null for the other channels. */
    public String url;

    /**
     * The key the webhook calls are signed with, as the Standard Webhooks specification writes it ({@code whsec_} +
     * base64 of the key bytes); encrypted in the database ({@link SealedSecret}), in clear only here, because signing
     * needs it. Null for the other channels and once the subscription is deleted.
     */
    @Convert(converter = SealedSecret.class)
    public String secret;

    /**
     * The secret before the last rotation; calls are signed with it too until {@code previousSecretUntil}, after which
     * it is deleted. Encrypted like {@link #secret}.
     */
    @Convert(converter = SealedSecret.class)
    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    /** Where an EMAIL subscription's messages go; null for the other channels. */
    public String email;

    public String description;

    /** Who created it (the caller's principal name). */
    @Column(nullable = false)
    public String owner;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** What it wants to hear about within its region, as JSON of a SubscriptionFilter; null: everything. */
    public String filter;

    /** Whether its alerts wait for the daily digest instead of going out one by one. */
    @Column(nullable = false)
    public boolean digest;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    public boolean active() {
        return deletedAt == null;
    }

    /** The webhook secrets calls are signed with at that moment: the current one and, during an overlap, the previous. */
    public List<String> signingSecrets(Instant at) {
        if (secret == null) {
            return List.of();
        }
        return previousSecret != null && previousSecretUntil != null && at.isBefore(previousSecretUntil)
                ? List.of(secret, previousSecret) : List.of(secret);
    }
}
