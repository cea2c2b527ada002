package nl.monitor.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One attempt of a delivery: the HTTP status it got, or the error, and how long it took. */
@Entity
@Table(name = "delivery_attempt")
public class DeliveryAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "delivery_id", nullable = false)
    public UUID deliveryId;

    /** 1 for the first attempt. */
    @Column(nullable = false)
    public int attempt;

    @Column(name = "attempted_at", nullable = false)
    public Instant attemptedAt;

    /** Null when no response came (connection refused, timeout). */
    @Column(name = "http_status")
    public Integer httpStatus;

    /** Why the attempt failed, when it did not get a 2xx. */
    public String error;

    @Column(name = "latency_ms", nullable = false)
    public long latencyMs;
}
