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
 * One alert on its way to one subscription. Its id is the {@code webhook-id} the receiver sees on every attempt, and
 * its payload is fixed when it is created, so every attempt sends the same bytes.
 */
@Entity
@Table(name = "delivery")
public class Delivery {

    @Id
    public UUID id;

    @Column(name = "alert_id", nullable = false)
    public UUID alertId;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DeliveryStatus status;

    /** Attempts made so far. */
    @Column(nullable = false)
    public int attempts;

    /** When PENDING: due from this moment (a claimed delivery holds it as its lease); null when done. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** The JSON body every attempt sends. */
    @Column(nullable = false)
    public String payload;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    /** The trace context of the processing that raised it, which its call continues; null with tracing off. */
    @Column(name = "traceparent")
    public String traceparent;
}
