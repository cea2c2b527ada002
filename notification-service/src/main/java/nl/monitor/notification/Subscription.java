package nl.monitor.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
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

    /** The HMAC-SHA256 key the webhook calls are signed with; kept in clear because signing needs it. */
    public String secret;

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
}
